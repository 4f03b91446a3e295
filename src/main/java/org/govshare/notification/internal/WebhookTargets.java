package org.govshare.notification.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may point at. An endpoint URL is {@code https://} (plain {@code http://} only
 * when allowed), carries no credentials or fragment, and its host must not resolve to the platform's
 * own networks (loopback, link-local including cloud metadata, private, unique-local, multicast,
 * unspecified) unless private networks are allowed: the platform must not be turned into a probe of
 * the networks it sits in. Checked at registration and again, by resolving, before every delivery.
 */
final class WebhookTargets {

    /** A refused target: a stable code and a short reason for the delivery record. */
    static final class Refused extends Exception {
        private final String code;

        Refused(String code, String reason) {
            super(reason);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;

    WebhookTargets(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** Parses and checks the form of a URL (scheme, host, no credentials): codes webhook-url-*. */
    URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("required", "url");
        }
        if (url.length() > 2000) {
            throw new Refused("webhook-url-invalid", "longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("webhook-url-invalid", e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("webhook-url-invalid", "not an absolute URL with a host");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw new Refused("webhook-url-scheme", scheme);
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("webhook-url-credentials", "user info in the URL");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("webhook-url-invalid", "fragment");
        }
        return uri;
    }

    /** Resolves the host and refuses it if any of its addresses is one the platform must not call. */
    void checkTarget(URI uri) throws Refused {
        if (allowPrivate) {
            return;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("webhook-host-unknown", host);
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                throw new Refused("webhook-target-refused", host + " -> " + a.getHostAddress());
            }
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
                || first >= 240;                                // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                       // unique local fc00::/7
                return true;
            }
            // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) addresses: judge the IPv4 inside
            boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
            if (mapped || nat64) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
