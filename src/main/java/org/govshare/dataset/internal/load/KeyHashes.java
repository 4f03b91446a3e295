package org.govshare.dataset.internal.load;

/**
 * The keys seen in one load as 64-bit hashes with the row that brought each, in open addressing:
 * 16 bytes a key instead of a String per row, so a million keys cost 32 MB at most. A hit only
 * says "maybe the same key": the pipeline confirms it against the rows it kept.
 */
final class KeyHashes {

    private long[] hashes;
    private long[] rows;
    private int size;
    private boolean zeroSeen;
    private long zeroRow;

    KeyHashes(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        hashes = new long[cap];
        rows = new long[cap];
    }

    /** Adds the hash; returns -1 if new, else the row number that brought it first. */
    long putIfAbsent(long hash, long row) {
        if (hash == 0) {
            if (zeroSeen) {
                return zeroRow;
            }
            zeroSeen = true;
            zeroRow = row;
            return -1;
        }
        int mask = hashes.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            long h = hashes[i];
            if (h == 0) {
                hashes[i] = hash;
                rows[i] = row;
                if (++size * 2 > hashes.length) {
                    grow();
                }
                return -1;
            }
            if (h == hash) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldH = hashes;
        long[] oldR = rows;
        hashes = new long[oldH.length * 2];
        rows = new long[oldH.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldH.length; j++) {
            long h = oldH[j];
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                rows[i] = oldR[j];
            }
        }
    }

    /** A 64-bit hash of the key's chars (FNV-1a folded through a murmur finaliser). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
