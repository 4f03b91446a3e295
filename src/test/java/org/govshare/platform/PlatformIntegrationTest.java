package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class PlatformIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void theWorkingDayCalendarIsBoundFromTheConfiguredHolidays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).as("National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("make-up Sunday").isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 26), 10)).isEqualTo(LocalDate.of(2025, 10, 16));
    }

    @Test
    void healthIsPublicAndPrometheusNeedsAnAdministrator() {
        assertThat(HttpApi.anonymous(port).get("/actuator/health").body()).contains("\"UP\"");
        assertThat(HttpApi.as(port, "scjg_steward").get("/actuator/prometheus").status()).isEqualTo(403);
        Response metrics = HttpApi.as(port, "admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(HttpApi.as(port, "admin").get("/actuator/env").status()).as("not exposed").isIn(401, 403, 404);
    }

    @Test
    void openApiDescribesTheJsonApi() {
        Response docs = HttpApi.as(port, "scjg_steward").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/organizations", "/api/v1/clients/{id}/keys");
    }

    @Test
    void unknownApiPathsAreProblemJsonAndCarryTheRequestId() {
        Response r = HttpApi.as(port, "admin").get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("requestId")).isNotBlank();
    }
}
