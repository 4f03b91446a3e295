package org.govshare.dataset.internal.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The record keys of an initial load in the order they were COPYed, kept in a temporary file
 * (length-prefixed UTF-8) so the change rows can be COPYed afterwards without holding a million
 * keys on a 512 MB heap or reading them back from the records. Deleted on {@link #close}.
 */
final class KeyLog implements AutoCloseable {

    private final Path file;
    private DataOutputStream out;

    KeyLog() {
        try {
            file = Files.createTempFile("govshare-load-keys-", ".bin");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(String key) {
        try {
            byte[] b = key.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends writing and reads the keys back in order. */
    Reader read() {
        try {
            out.close();
            return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // deleted next
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    static final class Reader implements AutoCloseable {
        private final DataInputStream in;
        private byte[] buf = new byte[64];

        Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next key, null at the end. */
        String next() {
            try {
                int n;
                try {
                    n = in.readInt();
                } catch (EOFException e) {
                    return null;
                }
                if (n > buf.length) {
                    buf = new byte[Math.max(n, buf.length * 2)];
                }
                in.readFully(buf, 0, n);
                return new String(buf, 0, n, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
