package org.govshare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.govshare.IntegrationTest;
import org.govshare.platform.CreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo district as the issue describes it, checked in the database the tests run on. */
@IntegrationTest
class DemoDistrictTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void organizationsHaveValidCreditCodesAndEveryRoleHasDemoUsers() {
        List<String> codes = jdbc.sql("select credit_code from organization").query(String.class).list();
        assertThat(codes).allSatisfy(c -> assertThat(CreditCode.check(c).valid()).as(c).isTrue());
        assertThat(jdbc.sql("select count(*) from organization where type = 'DEPARTMENT'").query(Long.class).single())
            .isGreaterThanOrEqualTo(25);
        assertThat(jdbc.sql("select count(*) from organization where type in ('STREET','TOWN')").query(Long.class).single())
            .isEqualTo(12);
        assertThat(jdbc.sql("select distinct role from user_role").query(String.class).list())
            .contains("PLATFORM_ADMIN", "ORG_ADMIN", "DATA_STEWARD", "REVIEWER", "AUDITOR");
    }

    @Test
    void theCatalogHasThreeHundredResourcesInEveryStateWithEightToFortyItems() {
        // the demo's resources are the ones whose summary it wrote; tests add their own beside them
        String demo = " from catalog_resource r where r.summary like '记录龙泉驿区%'";
        assertThat(jdbc.sql("select count(*)" + demo).query(Long.class).single()).isGreaterThanOrEqualTo(300);
        assertThat(jdbc.sql("select distinct status from catalog_resource").query(String.class).list())
            .contains("DRAFT", "SUBMITTED", "PUBLISHED", "CHANGE_DRAFT", "CHANGE_SUBMITTED", "WITHDRAWN");
        List<Integer> itemCounts = jdbc.sql("select (select count(*)::int from catalog_data_item i where i.resource_id = r.id)"
            + demo).query(Integer.class).list();
        assertThat(itemCounts).hasSizeGreaterThanOrEqualTo(300).allSatisfy(n -> assertThat(n).isBetween(8, 40));
        assertThat(jdbc.sql("select count(distinct provider_id) from catalog_resource").query(Long.class).single())
            .isGreaterThanOrEqualTo(25);
        assertThat(jdbc.sql("select max(version) from catalog_resource_version").query(Integer.class).single())
            .as("some resources went through a reviewed change").isEqualTo(2);
    }
}
