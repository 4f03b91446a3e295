package org.govshare.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code gsk_<prefix>_<secret>}: the prefix finds the key, the SHA-256 of the
 * whole key proves it. A 240-bit random secret needs no slow hash; a fast one keeps the gateway fast.
 */
final class ApiKeySecrets {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Pattern FORMAT = Pattern.compile("gsk_([a-z2-9]{10})_([A-Za-z2-9]{42})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    record Generated(String prefix, String rawKey, String hash) {
    }

    static Generated generate() {
        String prefix = random(10, "abcdefghijkmnpqrstuvwxyz23456789");
        String raw = "gsk_" + prefix + "_" + random(42, ALPHABET);
        return new Generated(prefix, raw, hash(raw));
    }

    /** The prefix of a well-formed key, or null: malformed keys are rejected before any lookup. */
    static String prefixOf(String raw) {
        Matcher m = FORMAT.matcher(raw);
        return m.matches() ? m.group(1) : null;
    }

    static boolean matches(String raw, String expectedHash) {
        return MessageDigest.isEqual(hash(raw).getBytes(StandardCharsets.US_ASCII),
            expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length, String alphabet) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
