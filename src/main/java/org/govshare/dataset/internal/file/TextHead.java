package org.govshare.dataset.internal.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first bytes of a text upload and what they tell: the character set (a BOM; else the head
 * validated strictly as UTF-8; else as GBK, then GB18030) and, for CSV, the delimiter that splits
 * the first lines into the most consistent columns.
 */
final class TextHead {

    static final int HEAD_BYTES = 64 * 1024;
    static final char[] DELIMITERS = {',', ';', '\t', '|'};

    final byte[] bytes;
    /** True when the head is the whole file. */
    final boolean complete;

    private TextHead(byte[] bytes, boolean complete) {
        this.bytes = bytes;
        this.complete = complete;
    }

    static TextHead read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEAD_BYTES);
            return new TextHead(head, in.read() < 0);
        }
    }

    /** The charset a BOM names, or null. */
    String bomCharset() {
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            return "UTF-8";
        }
        if (startsWith(0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        if (startsWith(0xFE, 0xFF)) {
            return "UTF-16BE";
        }
        return null;
    }

    int bomLength() {
        String bom = bomCharset();
        return bom == null ? 0 : bom.equals("UTF-8") ? 3 : 2;
    }

    private boolean startsWith(int... marks) {
        if (bytes.length < marks.length) {
            return false;
        }
        for (int i = 0; i < marks.length; i++) {
            if ((bytes[i] & 0xff) != marks[i]) {
                return false;
            }
        }
        return true;
    }

    /** Binary content: NUL bytes outside a UTF-16 text. */
    boolean binary() {
        if (bomCharset() != null && bomCharset().startsWith("UTF-16")) {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The detected charset, or a {@link Undecodable} telling where UTF-8 broke. */
    String charset() throws Undecodable {
        String bom = bomCharset();
        if (bom != null) {
            return bom;
        }
        int utf8 = invalidAt(StandardCharsets.UTF_8);
        if (utf8 < 0) {
            return "UTF-8";
        }
        if (invalidAt(Charset.forName("GBK")) < 0) {
            return "GBK";
        }
        if (invalidAt(Charset.forName("GB18030")) < 0) {
            return "GB18030";
        }
        throw new Undecodable(utf8, lineAt(utf8));
    }

    /** The offset of the first byte the charset cannot decode in the head, or -1 (a character cut by the head's end is fine). */
    int invalidAt(Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(1024);
        while (true) {
            CoderResult r = decoder.decode(in, out, complete);
            if (r.isError()) {
                return in.position();
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            break;
        }
        if (complete) {
            out.clear();
            CoderResult r = decoder.flush(out);
            if (r.isError()) {
                return in.position();
            }
        }
        return -1;
    }

    private long lineAt(int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The head as text, without BOM, cut after its last complete line unless it is the whole file. */
    String text(String charset) {
        int bom = bomLength();
        CharsetDecoder decoder = Charset.forName(charset).newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        decoder.decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom), out, complete);
        out.flip();
        String text = out.toString();
        if (!complete) {
            int cut = text.lastIndexOf('\n');
            text = cut < 0 ? text : text.substring(0, cut + 1);
        }
        return text;
    }

    /**
     * The delimiter among {@code , ; tab |} that gives the first lines the most consistent number of
     * columns (more than one), quoted fields respected; ties go to more columns, then to the order above.
     */
    static char delimiter(String text) {
        char best = ',';
        double bestScore = 0;
        for (char d : DELIMITERS) {
            List<Integer> counts = counts(text, d);
            if (counts.isEmpty()) {
                continue;
            }
            Map<Integer, Integer> freq = new HashMap<>();
            counts.forEach(c -> freq.merge(c, 1, Integer::sum));
            int mode = freq.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
            if (mode < 2) {
                continue;
            }
            double consistency = freq.get(mode) / (double) counts.size();
            double score = consistency * 1000 + mode;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static List<Integer> counts(String text, char delimiter) {
        List<Integer> counts = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                counts.add(record.size());
                if (counts.size() >= 50) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // broken quoting under this delimiter: count what parsed
        }
        return counts;
    }

    /** The first non-blank character of the text, or 0. */
    static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "TextHead" + Arrays.toString(Arrays.copyOf(bytes, Math.min(8, bytes.length)));
    }

    /** The head is neither UTF-8 nor GBK/GB18030: where UTF-8 decoding broke. */
    static final class Undecodable extends Exception {
        final long offset;
        final long line;

        Undecodable(long offset, long line) {
            super("undecodable at byte " + offset, null, false, false);
            this.offset = offset;
            this.line = line;
        }
    }
}
