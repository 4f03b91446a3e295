package org.govshare.dataset.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.SourceDatabaseKind;
import org.govshare.platform.Violation;
import org.junit.jupiter.api.Test;

/** The rules a pull's URL, SQL and schedule must pass, and how values are rendered, without a database. */
class PullRulesTest {

    private static String rule(SourceDatabaseKind kind, String url) {
        var v = JdbcUrlPolicy.check(kind, url);
        return v.isEmpty() ? null : v.get(0).code() + (v.get(0).args().isEmpty() ? "" : " " + v.get(0).args().get(0));
    }

    @Test
    void acceptsPlainUrlsOfTheThreeKinds() {
        assertThat(rule(SourceDatabaseKind.POSTGRESQL, "jdbc:postgresql://10.1.2.3:5432/qzk")).isNull();
        assertThat(rule(SourceDatabaseKind.POSTGRESQL, "jdbc:postgresql://db1,db2:5433/qzk?sslmode=require&ApplicationName=x"))
            .isNull();
        assertThat(rule(SourceDatabaseKind.MARIADB, "jdbc:mariadb://[::1]:3306/front_db?connectTimeout=5000")).isNull();
        assertThat(rule(SourceDatabaseKind.MYSQL, "jdbc:mysql://mysql.gov.local/hr?useSSL=true&serverTimezone=Asia/Shanghai"))
            .isNull();
        assertThat(rule(null, "jdbc:postgresql://h/db")).isNull();
    }

    @Test
    void refusesOtherSchemesAndParametersThatLoadFilesOrClasses() {
        assertThat(rule(null, "jdbc:h2:mem:x")).isEqualTo("jdbc-url-scheme");
        assertThat(rule(null, "jdbc:sqlite:/etc/passwd")).isEqualTo("jdbc-url-scheme");
        assertThat(rule(null, "jdbc:oracle:thin:@h:1521:x")).isEqualTo("jdbc-url-scheme");
        assertThat(rule(SourceDatabaseKind.MARIADB, "jdbc:postgresql://h/db")).isEqualTo("jdbc-url-kind POSTGRESQL"
            .replace("POSTGRESQL", "MARIADB"));
        assertThat(rule(null, "jdbc:postgresql://h/db?socketFactory=x.Y")).isEqualTo("jdbc-url-parameter socketFactory");
        assertThat(rule(null, "jdbc:postgresql://h/db?sslfactory=x.Y")).isEqualTo("jdbc-url-parameter sslfactory");
        assertThat(rule(null, "jdbc:postgresql://h/db?loggerFile=/tmp/x")).isEqualTo("jdbc-url-parameter loggerFile");
        assertThat(rule(null, "jdbc:postgresql://h/db?sslrootcert=/etc/shadow")).isEqualTo("jdbc-url-parameter sslrootcert");
        assertThat(rule(null, "jdbc:postgresql://h/db?ssl=true&authenticationPluginClassName=x"))
            .isEqualTo("jdbc-url-parameter authenticationPluginClassName");
        assertThat(rule(null, "jdbc:mysql://h/db?allowLoadLocalInfile=true")).isEqualTo("jdbc-url-parameter allowLoadLocalInfile");
        assertThat(rule(null, "jdbc:mysql://h/db?autoDeserialize=true")).isEqualTo("jdbc-url-parameter autoDeserialize");
        assertThat(rule(null, "jdbc:mariadb://h/db?AllowLoadLocalInfile=true"))
            .isEqualTo("jdbc-url-parameter AllowLoadLocalInfile");
        assertThat(rule(null, "jdbc:mariadb://h/db?user=root")).isEqualTo("jdbc-url-parameter user");
        // an allowed name with a value smuggling more
        assertThat(rule(null, "jdbc:postgresql://h/db?ApplicationName=a&b")).isEqualTo("jdbc-url-parameter b");
        assertThat(rule(null, "jdbc:postgresql://h/db?currentSchema=a;b")).isEqualTo("jdbc-url-parameter currentSchema");
    }

    @Test
    void refusesAddressesThatAreNotPlainHostPortDatabase() {
        assertThat(rule(null, "jdbc:postgresql:db")).isEqualTo("jdbc-url-scheme");
        assertThat(rule(null, "jdbc:postgresql://user:pw@h/db")).isEqualTo("jdbc-url-invalid");
        assertThat(rule(null, "jdbc:mariadb://address=(host=h)(port=3306)/db")).isEqualTo("jdbc-url-invalid");
        assertThat(rule(null, "jdbc:mariadb:replication://h1,h2/db")).isEqualTo("jdbc-url-scheme");
        assertThat(rule(null, "jdbc:postgresql://h/")).isEqualTo("jdbc-url-invalid");
        assertThat(rule(null, "jdbc:postgresql://h/db #x")).isEqualTo("jdbc-url-invalid");
        assertThat(rule(null, "")).isEqualTo("required");
        assertThat(JdbcUrlPolicy.check(null, "jdbc:h2:mem:x")).extracting(Violation::field).containsExactly("jdbcUrl");
    }

    @Test
    void mysqlIsReadWithTheMariadbDriver() {
        assertThat(JdbcUrlPolicy.driverUrl(SourceDatabaseKind.MYSQL, "jdbc:mysql://h:3306/db?useSSL=true"))
            .isEqualTo("jdbc:mariadb://h:3306/db?useSSL=true");
        assertThat(JdbcUrlPolicy.driverUrl(SourceDatabaseKind.POSTGRESQL, "jdbc:postgresql://h/db"))
            .isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void identifiersAndQueries() {
        assertThat(PullSql.isTableName("people")).isTrue();
        assertThat(PullSql.isTableName("stg.people_2026")).isTrue();
        assertThat(PullSql.isTableName("人口信息")).isTrue();
        assertThat(PullSql.isTableName("a.b.c")).isFalse();
        assertThat(PullSql.isTableName("people; drop table x")).isFalse();
        assertThat(PullSql.isTableName("\"people\"")).isFalse();
        assertThat(PullSql.isIdentifier("updated_at")).isTrue();
        assertThat(PullSql.isIdentifier("1col")).isFalse();

        assertThat(PullSql.checkQuery("select * from t where a = 'x;y';")).isEmpty();
        assertThat(PullSql.checkQuery("WITH q AS (select 1) select * from q")).isEmpty();
        assertThat(codes("delete from t")).isEqualTo("query-not-select");
        assertThat(codes("select 1; delete from t")).isEqualTo("query-multiple-statements");
        assertThat(codes("select 1 -- ; drop")).isEqualTo("query-comment");
        assertThat(codes("select 1 /* x */")).isEqualTo("query-comment");
        assertThat(codes("select 'unterminated")).isEqualTo("query-multiple-statements");
        assertThat(codes("select 1 # mysql comment")).isEqualTo("query-comment");
        assertThat(codes("  ")).isEqualTo("required");
    }

    private static String codes(String q) {
        return PullSql.checkQuery(q).get(0).code();
    }

    @Test
    void buildsQuotedSelectsPerDialect() {
        assertThat(PullSql.select(SourceDatabaseKind.POSTGRESQL, "stg.people", null, "updated_at", true))
            .isEqualTo("select * from \"stg\".\"people\" where \"updated_at\" > ?");
        assertThat(PullSql.select(SourceDatabaseKind.MARIADB, "people", null, null, false))
            .isEqualTo("select * from `people`");
        assertThat(PullSql.select(SourceDatabaseKind.MYSQL, null, "select a, ts from t;", "ts", true))
            .isEqualTo("select * from (select a, ts from t) pull_q where `ts` > ?");
    }

    @Test
    void schedulesFollowTheUpdateCycleInShanghaiTime() {
        assertThat(PullSchedules.derived(UpdateCycle.REAL_TIME)).isEqualTo("0 */5 * * * *");
        assertThat(PullSchedules.derived(UpdateCycle.WEEKLY)).isEqualTo("0 0 2 * * MON");
        // 2026-11-26 is a Thursday; 02:00 Shanghai is 18:00 UTC the day before
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(PullSchedules.next(PullSchedules.derived(UpdateCycle.DAILY), now))
            .isEqualTo(Instant.parse("2026-11-26T18:00:00Z"));
        assertThat(PullSchedules.next(PullSchedules.derived(UpdateCycle.WEEKLY), now))
            .isEqualTo(Instant.parse("2026-11-29T18:00:00Z"));
        assertThat(PullSchedules.next(PullSchedules.derived(UpdateCycle.MONTHLY), now))
            .isEqualTo(Instant.parse("2026-11-30T18:00:00Z"));
        assertThat(PullSchedules.next(PullSchedules.derived(UpdateCycle.REAL_TIME), now))
            .isEqualTo(Instant.parse("2026-11-26T10:05:00Z"));
        assertThat(PullSchedules.check("0 30 1 * * *")).isNull();
        assertThat(PullSchedules.check("* * * * * *")).isEqualTo("cron-too-frequent");
        assertThat(PullSchedules.check("every day")).isEqualTo("cron-invalid");
    }

    @Test
    void rendersValuesCanonically() {
        assertThat(JdbcRowSource.render(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(JdbcRowSource.render(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(JdbcRowSource.render(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
        assertThat(JdbcRowSource.render(LocalDateTime.of(2026, 1, 2, 3, 4))).isEqualTo("2026-01-02T03:04:00");
        assertThat(JdbcRowSource.render(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(8))))
            .isEqualTo("2026-01-02T03:04:05+08:00");
        assertThat(JdbcRowSource.render(Boolean.TRUE)).isEqualTo("true");
        assertThat(JdbcRowSource.render(new byte[] {1, 2, 3})).isEqualTo("AQID");
        assertThat(JdbcRowSource.render(null)).isNull();
    }
}
