package org.govshare.dataset.internal.load;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary COPY format, written straight from the canonical values into a
 * byte array and handed to the server in large chunks by a sender thread of its own: the JVM
 * validates and encodes the next rows while the sender is blocked on the socket of a busy server
 * (a few chunks ahead at most, so the heap stays bounded), and nothing per value is allocated but
 * the key string. The connection is used by the sender alone until {@link #finish} or
 * {@link #cancel}, which join it and end the COPY on the caller's thread.
 */
final class CopyBuffer {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0,
        0, 0, 0};
    private static final int FLUSH_AT = 256 * 1024;
    /** Chunks in flight: one being filled, the rest queued for or being written by the sender. */
    private static final int CHUNKS = 4;
    private static final Chunk END = new Chunk(new byte[0], 0);

    private record Chunk(byte[] bytes, int len) {
    }

    private final CopyIn copy;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread sender;
    private volatile Throwable failure;
    private volatile boolean discard;
    private byte[] buf = new byte[FLUSH_AT + 64 * 1024];
    private int len;
    private int fieldStart = -1;
    private long waited;

    CopyBuffer(CopyIn copy) {
        this.copy = copy;
        for (int i = 1; i < CHUNKS; i++) {
            free.add(new byte[FLUSH_AT + 64 * 1024]);
        }
        this.sender = new Thread(this::send, "dataset-copy-" + Thread.currentThread().getName());
        sender.setDaemon(true);
        sender.start();
        put(HEADER, 0, HEADER.length);
    }

    /** The sender: writes chunks in order; after a failure (or a cancel) only hands buffers back. */
    private void send() {
        try {
            while (true) {
                Chunk c = full.take();
                if (c == END) {
                    return;
                }
                if (failure == null && !discard) {
                    try {
                        copy.writeToCopy(c.bytes, 0, c.len);
                    } catch (Throwable t) {
                        failure = t;
                    }
                }
                free.put(c.bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void startRow(int fields) throws SQLException {
        if (len >= FLUSH_AT) {
            flush();
        }
        int16(fields);
    }

    void uuid(UUID id) {
        int32(16);
        int64(id.getMostSignificantBits());
        int64(id.getLeastSignificantBits());
    }

    void int8(long v) {
        int32(8);
        int64(v);
    }

    void text(String s) {
        if (s == null) {
            int32(-1);
            return;
        }
        beginField();
        utf8(s);
        endField();
    }

    /** A jsonb field: version byte 1, then the JSON text. */
    void beginJsonb() {
        beginField();
        ensure(1);
        buf[len++] = 1;
    }

    void endJsonb() {
        endField();
    }

    // --- canonical JSON, written in place -----------------------------------------------------

    void raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    void jsonString(String s) {
        raw('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                ensure(2);
                buf[len++] = '\\';
                buf[len++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x80) {
                ensure(1);
                buf[len++] = (byte) c;
            } else {
                i = utf8Char(s, i, c);
            }
        }
        raw('"');
    }

    private void escapeControl(char c) {
        switch (c) {
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            // jsonb cannot hold U+0000: it becomes the replacement character
            case 0 -> utf8("\uFFFD");
            default -> ascii(String.format("\\u%04x", (int) c));
        }
    }

    void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    void jsonValue(Object v) {
        if (v instanceof String s) {
            jsonString(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            ascii(v.toString());
        } else if (v instanceof java.math.BigDecimal d) {
            ascii(d.toPlainString());
        } else if (v instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (v instanceof byte[] bytes) {
            jsonString(Base64.getEncoder().encodeToString(bytes));
        } else {
            jsonString(CanonicalValues.text(v));
        }
    }

    // --- plumbing -------------------------------------------------------------------------------

    private void beginField() {
        ensure(4);
        fieldStart = len;
        len += 4;
    }

    private void endField() {
        int n = len - fieldStart - 4;
        buf[fieldStart] = (byte) (n >>> 24);
        buf[fieldStart + 1] = (byte) (n >>> 16);
        buf[fieldStart + 2] = (byte) (n >>> 8);
        buf[fieldStart + 3] = (byte) n;
        fieldStart = -1;
    }

    private void utf8(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ensure(1);
                buf[len++] = (byte) c;
            } else {
                i = utf8Char(s, i, c);
            }
        }
    }

    /** Encodes the non-ASCII char at i (a surrogate pair as one code point); returns the last index used. */
    private int utf8Char(String s, int i, char c) {
        ensure(4);
        if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | (c >> 6));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            buf[len++] = (byte) (0xF0 | (cp >> 18));
            buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            c = '\uFFFD';
        }
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, len + n)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
    }

    private void flush() throws SQLException {
        if (len > 0) {
            rethrow();
            long t = System.nanoTime();
            try {
                full.put(new Chunk(buf, len));
                buf = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while handing COPY data to the sender", e);
            }
            waited += System.nanoTime() - t;
            len = 0;
        }
    }

    private void rethrow() throws SQLException {
        Throwable t = failure;
        if (t instanceof SQLException e) {
            throw e;
        }
        if (t != null) {
            throw new SQLException("COPY sender failed", t);
        }
    }

    /** Waits for the sender to write what it holds (or drop it) and to stop. */
    private void stopSender() {
        if (!sender.isAlive()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                full.put(END);
                sender.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Time the encoding thread waited for the sender (the server busy): the pipelining's slack. */
    long waitedNanos() {
        return waited;
    }

    /** Writes the trailer and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        int16(-1);
        flush();
        stopSender();
        rethrow();
        return copy.endCopy();
    }

    void cancel() {
        discard = true;
        stopSender();
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }

    /** Test-visible: the bytes of a row after startRow (used only for sizes). */
    int size() {
        return len;
    }

    static byte[] utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
