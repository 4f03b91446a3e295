package org.govshare.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The chain hashes: SHA-256, or SM3 (GB/T 32905) where Chinese deployments require it. Both give 32 bytes. */
enum HashAlgorithm {

    SHA_256("SHA-256"),
    SM3("SM3");

    static final int HASH_LENGTH = 32;

    private final String label;

    HashAlgorithm(String label) {
        this.label = label;
    }

    /** The name stored with each entry and accepted in {@code govshare.audit.algorithm}. */
    String label() {
        return label;
    }

    static HashAlgorithm of(String label) {
        String l = label == null ? "" : label.trim().toUpperCase(Locale.ROOT).replace("_", "-");
        for (HashAlgorithm a : values()) {
            if (a.label.equals(l) || a.name().equals(l) || a.label.replace("-", "").equals(l)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown audit hash algorithm '" + label + "' (use SHA-256 or SM3)");
    }

    /** A fresh, not thread-safe digest: callers keep one per thread and reuse it. */
    ChainDigest newDigest() {
        return switch (this) {
            case SHA_256 -> new JdkDigest();
            case SM3 -> new Sm3();
        };
    }

    /** The little a chain needs from a digest, so SHA-256 (JDK) and SM3 (BouncyCastle) look alike. */
    interface ChainDigest {

        void update(byte[] bytes, int offset, int length);

        /** Returns the hash and resets the digest for reuse. */
        byte[] digest();
    }

    private static final class JdkDigest implements ChainDigest {

        private final MessageDigest md;

        JdkDigest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            md.update(bytes, offset, length);
        }

        @Override
        public byte[] digest() {
            return md.digest();
        }
    }

    private static final class Sm3 implements ChainDigest {

        private final SM3Digest d = new SM3Digest();

        @Override
        public void update(byte[] bytes, int offset, int length) {
            d.update(bytes, offset, length);
        }

        @Override
        public byte[] digest() {
            byte[] out = new byte[HASH_LENGTH];
            d.doFinal(out, 0);
            return out;
        }
    }
}
