package org.govshare.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's consumers have called the data service under their grants once the records are in:
 * answered calls in the audit log with purposes and subjects, counted per day for providers and
 * consumers, and a masked item never stored in clear in the log.
 */
@IntegrationTest
class DemoDataServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoConsumersCalledTheDataServiceAndEveryCallIsAuditedAndCounted() {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'data.lookup' and outcome = 'SUCCESS' "
                + "and cardinality(subject_keys) = 1").query(Long.class).single()).isGreaterThanOrEqualTo(5);
            assertThat(jdbc.sql("select count(distinct client_application_id) from data_service_usage where calls > 0")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        });
        assertThat(jdbc.sql("select count(distinct purpose) from audit_entry where action like 'data.%'")
            .query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'data.verify' and outcome = 'SUCCESS'")
            .query(Long.class).single()).isPositive();
    }
}
