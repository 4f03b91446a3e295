package org.govshare.audit.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Turns a data subject's identifier into the keyed hash the log stores: HMAC-SHA256 over the
 * normalized identifier (NFKC, no whitespace, upper case, so "11010519491231002x" and
 * "１１０１０５...X" meet). Keyed, so the 10^10 or so possible identity numbers cannot simply
 * be hashed and looked up by whoever reads the table.
 */
@Component
class SubjectKeys {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeys.class);
    private static final String HMAC = "HmacSHA256";

    private final AuditProperties properties;
    private final JdbcClient jdbc;
    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    SubjectKeys(AuditProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    String keyOf(String rawIdentifier) {
        String normalized = normalize(rawIdentifier);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("empty subject identifier");
        }
        Mac mac = mac();
        return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String n = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).forEach(sb::appendCodePoint);
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private Mac mac() {
        Mac mac = macs.get();
        if (mac == null) {
            try {
                mac = Mac.getInstance(HMAC);
                mac.init(key());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            macs.set(mac);
        }
        return mac;
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadKey(), HMAC);
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadKey() {
        if (StringUtils.hasText(properties.subjectKey())) {
            byte[] configured = Base64.getDecoder().decode(properties.subjectKey().trim());
            if (configured.length < 32) {
                throw new IllegalStateException("govshare.audit.subject-key must be at least 32 bytes (base64)");
            }
            return configured;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // first node wins; everyone then reads the same key
        jdbc.sql("insert into audit_subject_key (id, key_bytes, created_at) values (1, ?, ?) on conflict (id) do nothing")
            .params(fresh, java.sql.Timestamp.from(Instant.now()))
            .update();
        log.warn("Audit subject keys use a key generated and stored in the database (audit_subject_key). "
            + "Production must set govshare.audit.subject-key (base64, 32+ bytes) and keep it out of the database.");
        return jdbc.sql("select key_bytes from audit_subject_key where id = 1").query(byte[].class).single();
    }
}
