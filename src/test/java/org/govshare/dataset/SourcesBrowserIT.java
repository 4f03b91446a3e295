package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.govshare.IntegrationTest;
import org.govshare.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data steward registers the department's staging database, tests the connection in place,
 * defines the pull of a published resource and pulls now; a URL outside the allow-list is refused
 * on the form, and the password never comes back to the page.
 */
@IntegrationTest
class SourcesBrowserIT extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    @Test
    void aStewardRegistersATestsAndPullsFromAStagingDatabase() {
        String n = Long.toString(System.nanoTime() % 1_000_000);
        String schema = "stg_ui_" + n;
        String role = "stg_ui_" + n;
        String password = "Ui#secret-" + n;
        jdbc.sql("create schema " + schema).update();
        jdbc.sql("create table " + schema + ".people (idno varchar(18) primary key, xm text, csrq date, rs int)").update();
        jdbc.sql("insert into " + schema + ".people values ('U1', '张三', '1990-01-01', 1), ('U2', '李四', null, 2)")
            .update();
        jdbc.sql("create role " + role + " login password '" + password + "'").update();
        jdbc.sql("grant usage on schema " + schema + " to " + role).update();
        jdbc.sql("grant select on all tables in schema " + schema + " to " + role).update();
        UUID resource = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);

        signInAs("scjg_steward");
        open("/");
        clickAndWaitForPage(By.id("nav-dataset-sources"));
        assertThat(path()).isEqualTo("/dataset/sources");

        type("#name", "外部库" + n);
        type("#jdbcUrl", "jdbc:h2:mem:evil");
        type("#username", role);
        type("#password", password);
        clickAndWaitForPage(By.id("source-save"));
        assertThat(text("#form-errors")).contains("JDBC URL");
        assertThat(driver.getPageSource()).doesNotContain(password);

        String name = "前置库" + n;
        type("#name", name);
        type("#jdbcUrl", datasourceUrl.split("\\?")[0]);
        type("#username", role);
        type("#password", password);
        clickAndWaitForPage(By.id("source-save"));
        assertThat(text("#saved")).contains(name);
        assertThat(driver.getPageSource()).doesNotContain(password);
        String sourceId = jdbc.sql("select id::text from dataset_source_db where name = ?").param(name)
            .query(String.class).single();

        $("#source-" + sourceId + " .test-connection").click();
        wait.withTimeout(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
            By.id("check-" + sourceId), "PostgreSQL"));
        assertThat(text("#check-" + sourceId + " .check-message")).startsWith("连接成功");
        screenshot("source-tested");

        open("/dataset/pulls/" + resource);
        assertThat(present("#no-pull")).isTrue();
        new Select($("#sourceId")).selectByVisibleText(name);
        type("#table", schema + ".people");
        $("#enabled").click();
        clickAndWaitForPage(By.id("pull-save"));
        assertThat(text("#saved")).contains(name);
        assertThat(text("#pull-status")).contains("0 0 2 1 * *");

        clickAndWaitForPage(By.id("pull-now"));
        assertThat(text("#pulled")).contains("SUCCEEDED");
        assertThat(text("#last-state")).isEqualTo("SUCCEEDED");
        assertThat(DatasetFixtures.records(jdbc, resource).keySet()).containsExactly("U1", "U2");
        screenshot("pulled");
    }
}
