package org.govshare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's sharing applications show every path at once, and the conditional grants carry a row scope and masks. */
@IntegrationTest
class DemoSharingTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoHasApplicationsOnEveryPathAndScopedGrants() {
        String demo = " from sharing_application where purpose like '" + DemoSharing.PURPOSE_PREFIX + "%'";
        List<String> states = jdbc.sql("select distinct path || ':' || state" + demo).query(String.class).list();
        assertThat(states).contains("UNCONDITIONAL:APPROVED", "CONDITIONAL:APPROVED", "CONDITIONAL:PRECHECK",
            "CONDITIONAL:REVIEW", "CONDITIONAL:DISPUTED", "NOT_SHARED:COORDINATION");
        assertThat(jdbc.sql("select count(*)" + demo + " and path = 'UNCONDITIONAL' and state = 'APPROVED'")
            .query(Long.class).single()).as("several unconditional grants").isGreaterThanOrEqualTo(3);
        // the disputed one was refused with a reason first
        assertThat(jdbc.sql("select count(*) from sharing_application_step s join sharing_application a "
                + "on a.id = s.application_id where a.purpose like '" + DemoSharing.PURPOSE_PREFIX + "%' "
                + "and a.state = 'DISPUTED' and s.action = 'refused' and s.comment is not null")
            .query(Long.class).single()).isEqualTo(1);
        // conditional grants: fewer items than asked, a row scope, masks, a lower quota
        List<Integer> scopes = jdbc.sql("""
                select jsonb_array_length(g.row_scope) from sharing_grant g
                join sharing_application a on a.id = g.application_id
                where a.purpose like ? and a.path = 'CONDITIONAL'
                  and cardinality(g.items) < cardinality(a.items) and g.daily_quota < a.expected_daily_calls
                """).param(DemoSharing.PURPOSE_PREFIX + "%").query(Integer.class).list();
        assertThat(scopes).hasSizeGreaterThanOrEqualTo(2).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from sharing_grant g join sharing_application a on a.id = g.application_id "
                + "where a.purpose like ? and a.path = 'CONDITIONAL' and g.masks <> '{}'::jsonb")
            .param(DemoSharing.PURPOSE_PREFIX + "%").query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }
}
