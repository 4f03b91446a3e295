package org.govshare.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard and URL rules of webhook endpoints, with private networks NOT allowed (as in
 * production; the integration tests allow them for their local receivers). Literal addresses and
 * "localhost" only: nothing here needs a name server.
 */
class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false, false);

    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.1",
            "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1"}) {
            assertThat(WebhookTargets.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "1.2.3.4", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888",
            "::ffff:8.8.8.8"}) {
            assertThat(WebhookTargets.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void internalTargetsAreRefusedUnlessAllowed() throws Exception {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://localhost:8443/hook", "https://[::1]/hook",
            "https://169.254.169.254/latest/meta-data", "https://10.0.0.5/x", "https://[::ffff:192.168.0.1]/x"}) {
            URI uri = production.parse(url);
            assertThatThrownBy(() -> production.checkTarget(uri)).as(url)
                .isInstanceOfSatisfying(WebhookTargets.Refused.class,
                    r -> assertThat(r.code()).isEqualTo("webhook-target-refused"));
        }
        new WebhookTargets(false, true).checkTarget(URI.create("https://127.0.0.1/hook"));
        production.checkTarget(production.parse("https://8.8.8.8/hook"));
    }

    @Test
    void urlsMustBeHttpsAbsoluteAndWithoutCredentials() throws Exception {
        assertCode("http://hooks.example.org/x", "webhook-url-scheme");
        assertCode("ftp://hooks.example.org/x", "webhook-url-scheme");
        assertCode("file:///etc/passwd", "webhook-url-invalid");
        assertCode("https://user:pw@hooks.example.org/x", "webhook-url-credentials");
        assertCode("https://hooks.example.org/x#frag", "webhook-url-invalid");
        assertCode("/relative", "webhook-url-invalid");
        assertCode("https://exa mple.org/", "webhook-url-invalid");
        assertCode("", "required");
        assertThat(production.parse("https://hooks.example.org:8443/in?x=1").getPort()).isEqualTo(8443);
        assertThat(new WebhookTargets(true, false).parse("http://hooks.example.org/x").getScheme()).isEqualTo("http");
    }

    private void assertCode(String url, String code) {
        assertThatThrownBy(() -> production.parse(url)).as(url)
            .isInstanceOfSatisfying(WebhookTargets.Refused.class, r -> assertThat(r.code()).isEqualTo(code));
    }
}
