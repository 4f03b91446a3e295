package org.govshare.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A reusable byte buffer for {@link ChainRow#encode}; one per thread, no allocation per field for ASCII. */
final class CanonicalEncoder {

    private byte[] buf = new byte[1024];
    private int length;

    CanonicalEncoder reset() {
        length = 0;
        return this;
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return length;
    }

    CanonicalEncoder number(long value) {
        return text(Long.toString(value));
    }

    CanonicalEncoder text(String s) {
        if (s == null) {
            int32(-1);
            return this;
        }
        int n = s.length();
        ensure(4 + n);
        int start = length;
        int pos = start + 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return utf8(start, s);
            }
            buf[pos++] = (byte) c;
        }
        length = start;
        int32(n);
        length = pos;
        return this;
    }

    /** A text field given as its UTF-8 bytes (as the database sends it), null as -1. */
    CanonicalEncoder utf8(byte[] bytes) {
        if (bytes == null) {
            int32(-1);
            return this;
        }
        ensure(4 + bytes.length);
        int32(bytes.length);
        System.arraycopy(bytes, 0, buf, length, bytes.length);
        length += bytes.length;
        return this;
    }

    CanonicalEncoder list(List<String> values) {
        if (values == null) {
            int32(-1);
            return this;
        }
        int32(values.size());
        for (String v : values) {
            text(v);
        }
        return this;
    }

    private CanonicalEncoder utf8(int start, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        length = start;
        ensure(4 + bytes.length);
        int32(bytes.length);
        System.arraycopy(bytes, 0, buf, length, bytes.length);
        length += bytes.length;
        return this;
    }

    private void int32(int v) {
        ensure(4);
        buf[length] = (byte) (v >>> 24);
        buf[length + 1] = (byte) (v >>> 16);
        buf[length + 2] = (byte) (v >>> 8);
        buf[length + 3] = (byte) v;
        length += 4;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
