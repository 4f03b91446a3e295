package org.govshare.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Secrets kept at rest (source database passwords, webhook secrets): sealed with an authenticated
 * cipher under the platform's master key, never stored in clear. AES-256-GCM by default, SM4-GCM
 * (GB/T 32907) where national algorithms are required. The sealed text names its format, algorithm
 * and key ({@code v1:aes-gcm:<keyId>:<base64 nonce | ciphertext | tag>}), so a value sealed before a
 * change of algorithm or master key still opens while the previous key is configured. The header is
 * authenticated too: any changed byte is refused, never decrypted to something else.
 */
public final class SecretBox {

    /** The cipher new values are sealed with; values sealed with either always open. */
    public enum Algorithm {
        AES("aes-gcm"), SM4("sm4-gcm");

        private final String tag;

        Algorithm(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        static Algorithm ofTag(String tag) {
            for (Algorithm a : values()) {
                if (a.tag.equals(tag)) {
                    return a;
                }
            }
            throw new SecretBoxException("unknown algorithm " + tag);
        }

        /** Parses the configured name: AES, AES-GCM, AES-256-GCM, SM4, SM4-GCM (case-insensitive). */
        public static Algorithm parse(String name) {
            String n = name == null ? "AES" : name.trim().toUpperCase(Locale.ROOT);
            if (n.startsWith("SM4")) {
                return SM4;
            }
            if (n.startsWith("AES")) {
                return AES;
            }
            throw new IllegalArgumentException("govshare.crypto.algorithm must be AES or SM4, not " + name);
        }
    }

    /** A sealed value that cannot be opened: tampered, truncated, or sealed under a key not configured. */
    public static class SecretBoxException extends RuntimeException {
        public SecretBoxException(String message) {
            super(message);
        }

        public SecretBoxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String VERSION = "v1";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Algorithm algorithm;
    private final String currentKeyId;
    /** keyId -> master key; the current one first. */
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    private SecretBox(Algorithm algorithm, byte[] masterKey, List<byte[]> previousKeys) {
        this.algorithm = algorithm;
        this.currentKeyId = keyId(requireKey(masterKey));
        keys.put(currentKeyId, masterKey.clone());
        for (byte[] k : previousKeys) {
            keys.putIfAbsent(keyId(requireKey(k)), k.clone());
        }
    }

    /**
     * @param masterKey    at least 32 random bytes; the cipher keys are derived from it per algorithm
     * @param previousKeys master keys used before a rotation, to open values sealed under them
     */
    public static SecretBox create(Algorithm algorithm, byte[] masterKey, List<byte[]> previousKeys) {
        return new SecretBox(algorithm, masterKey, previousKeys == null ? List.of() : previousKeys);
    }

    public static SecretBox create(Algorithm algorithm, byte[] masterKey) {
        return create(algorithm, masterKey, List.of());
    }

    /** A new random master key of 32 bytes. */
    public static byte[] newMasterKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The short public name of the current master key (a hash prefix; it reveals nothing of the key). */
    public String keyId() {
        return currentKeyId;
    }

    public String seal(String plain) {
        if (plain == null) {
            throw new IllegalArgumentException("nothing to seal");
        }
        String header = VERSION + ":" + algorithm.tag() + ":" + currentKeyId;
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(true, algorithm, keys.get(currentKeyId), nonce, header,
            plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[NONCE + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        System.arraycopy(sealed, 0, out, NONCE, sealed.length);
        return header + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String open(String sealed) {
        if (sealed == null) {
            throw new SecretBoxException("nothing to open");
        }
        String[] parts = sealed.split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new SecretBoxException("not a sealed value");
        }
        Algorithm alg = Algorithm.ofTag(parts[1]);
        byte[] key = keys.get(parts[2]);
        if (key == null) {
            throw new SecretBoxException("sealed under key " + parts[2] + ", which is not configured");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("sealed value is damaged", e);
        }
        if (raw.length < NONCE + TAG_BITS / 8) {
            throw new SecretBoxException("sealed value is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(raw, 0, NONCE);
        byte[] body = java.util.Arrays.copyOfRange(raw, NONCE, raw.length);
        String header = parts[0] + ":" + parts[1] + ":" + parts[2];
        return new String(crypt(false, alg, key, nonce, header, body), StandardCharsets.UTF_8);
    }

    /** Whether the value was sealed with another algorithm or key than the current ones (worth resealing). */
    public boolean isStale(String sealed) {
        return sealed == null || !sealed.startsWith(VERSION + ":" + algorithm.tag() + ":" + currentKeyId + ":");
    }

    private static byte[] crypt(boolean encrypt, Algorithm alg, byte[] master, byte[] nonce, String header, byte[] in) {
        byte[] aad = header.getBytes(StandardCharsets.US_ASCII);
        byte[] key = derive(master, alg);
        try {
            if (alg == Algorithm.AES) {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
                c.updateAAD(aad);
                return c.doFinal(in);
            }
            GCMModeCipher c = GCMBlockCipher.newInstance(new SM4Engine());
            c.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
            byte[] out = new byte[c.getOutputSize(in.length)];
            int n = c.processBytes(in, 0, in.length, out, 0);
            n += c.doFinal(out, n);
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            if (encrypt) {
                throw new IllegalStateException("cannot seal", e);
            }
            throw new SecretBoxException("sealed value was altered or the key is wrong", e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /** Per-algorithm cipher key: HMAC-SHA256(master, "govshare/secretbox/" + tag), 32 bytes for AES, 16 for SM4. */
    private static byte[] derive(byte[] master, Algorithm alg) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            byte[] k = mac.doFinal(("govshare/secretbox/" + alg.tag()).getBytes(StandardCharsets.US_ASCII));
            return alg == Algorithm.AES ? k : java.util.Arrays.copyOf(k, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyId(byte[] master) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(master);
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] requireKey(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("a master key has at least 32 bytes");
        }
        return key;
    }
}
