package org.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.platform.CreditCode;

/**
 * A fresh organization with people of chosen roles, made through the directory API, so notices of
 * one test never reach another test's readers.
 */
final class NotificationFixtures {

    static final String PASSWORD = "Notice2026pw";
    private static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000);

    private final int port;
    final UUID organizationId;
    final String tag;

    NotificationFixtures(int port) {
        this.port = port;
        long n = N.incrementAndGet();
        this.tag = "n" + n;
        Response org = HttpApi.as(port, "admin").post("/api/v1/organizations", """
            {"name":"通知测试局%s","type":"DEPARTMENT","creditCode":"%s","contactName":"测试","contactPhone":"028-84851234"}
            """.formatted(tag, CreditCode.withCheckDigit(String.format("11510112MC%07d", n % 10_000_000))));
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        this.organizationId = UUID.fromString(org.text("id"));
    }

    /** Creates a person of the organization with the roles (and an e-mail address when given); returns the username. */
    String person(String name, String email, String... roles) {
        String username = tag + "_" + name;
        String roleList = String.join("\",\"", roles);
        Response r = HttpApi.as(port, "admin").post("/api/v1/users", """
            {"username":"%s","displayName":"%s","organizationId":"%s","password":"%s","roles":["%s"]%s}
            """.formatted(username, name, organizationId, PASSWORD, roleList,
            email == null ? "" : ",\"email\":\"" + email + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    HttpApi as(String username) {
        return HttpApi.as(port, username, PASSWORD);
    }
}
