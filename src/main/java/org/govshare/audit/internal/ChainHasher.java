package org.govshare.audit.internal;

import java.util.EnumMap;
import java.util.Map;

/**
 * hash(n) = H(prev_hash(n) || canonical(n)), with H the algorithm the entry names. Keeps one
 * digest per algorithm and one encoding buffer: not thread-safe, one per thread.
 */
final class ChainHasher {

    static final byte[] GENESIS = new byte[HashAlgorithm.HASH_LENGTH];

    private final Map<HashAlgorithm, HashAlgorithm.ChainDigest> digests = new EnumMap<>(HashAlgorithm.class);
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    private HashAlgorithm lastAlgorithm;
    private String lastLabel;

    byte[] hash(byte[] prevHash, ChainRow row) {
        HashAlgorithm.ChainDigest digest = digests.computeIfAbsent(algorithm(row.hashAlg()), HashAlgorithm::newDigest);
        encoder.reset();
        row.encode(encoder);
        digest.update(prevHash, 0, prevHash.length);
        digest.update(encoder.buffer(), 0, encoder.length());
        return digest.digest();
    }

    /** The hash of an entry whose canonical encoding the caller has already put into {@link #encoder()}. */
    byte[] hashEncoded(byte[] prevHash, String algorithmLabel) {
        HashAlgorithm.ChainDigest digest = digests.computeIfAbsent(algorithm(algorithmLabel), HashAlgorithm::newDigest);
        digest.update(prevHash, 0, prevHash.length);
        digest.update(encoder.buffer(), 0, encoder.length());
        return digest.digest();
    }

    CanonicalEncoder encoder() {
        return encoder;
    }

    private HashAlgorithm algorithm(String label) {
        // rows come in long runs of one algorithm: skip the lookup
        if (!label.equals(lastLabel)) {
            lastAlgorithm = HashAlgorithm.of(label);
            lastLabel = label;
        }
        return lastAlgorithm;
    }
}
