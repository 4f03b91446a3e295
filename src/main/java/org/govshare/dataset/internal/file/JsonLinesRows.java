package org.govshare.dataset.internal.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.dataset.internal.load.SourceException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON Lines (UTF-8, one object per line, blank lines skipped), parsed line by line with Jackson's
 * streaming parser. The columns are the keys of the first {@value #HEAD_LINES} objects in order of
 * first appearance; keys that first turn up later have no column and are ignored. Values: strings
 * as they are, numbers as plain decimals, booleans as true/false, null as null. A nested object or
 * array ({@code jsonl-nested}) or a line that is not a JSON object ({@code jsonl-malformed}) stops
 * the read with its line number.
 */
final class JsonLinesRows implements RowSource {

    static final int HEAD_LINES = 100;
    private static final JsonFactory JSON = new JsonFactory();

    private final CountingInputStream bytes;
    private final BufferedReader reader;
    private final long size;
    private final Deque<Parsed> head = new ArrayDeque<>();
    private final List<String> columns;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private long line;
    private long rowNumber;

    private record Parsed(long line, Map<String, String> values) {
    }

    JsonLinesRows(Path file) throws IOException {
        this.size = Files.size(file);
        this.bytes = new CountingInputStream(Files.newInputStream(file));
        this.reader = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
        try {
            Set<String> keys = new LinkedHashSet<>();
            while (head.size() < HEAD_LINES) {
                Parsed p = parseNext();
                if (p == null) {
                    break;
                }
                head.add(p);
                keys.addAll(p.values().keySet());
            }
            this.columns = List.copyOf(keys);
            for (String k : columns) {
                index.put(k, index.size());
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String[] next() throws IOException {
        Parsed p = head.isEmpty() ? parseNext() : head.poll();
        if (p == null) {
            return null;
        }
        rowNumber = p.line();
        String[] row = new String[columns.size()];
        p.values().forEach((k, v) -> {
            Integer i = index.get(k);
            if (i != null) {
                row[i] = v;
            }
        });
        return row;
    }

    private Parsed parseNext() throws IOException {
        while (true) {
            String text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
            if (text.indexOf('\uFFFD') >= 0) {
                // undecodable bytes, replaced by the decoder: reported on their own line
                throw new SourceException("encoding-invalid", line, null, null, line);
            }
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                return new Parsed(line, parse(text, line));
            }
        }
    }

    private static Map<String, String> parse(String text, long line) throws SourceException {
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceException("jsonl-malformed", line, "not an object", null, line);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                String value = switch (v) {
                    case VALUE_STRING -> p.getString();
                    case VALUE_NUMBER_INT -> p.getString();
                    case VALUE_NUMBER_FLOAT -> plain(p.getString());
                    case VALUE_TRUE -> "true";
                    case VALUE_FALSE -> "false";
                    case VALUE_NULL -> null;
                    case START_OBJECT, START_ARRAY -> throw new SourceException("jsonl-nested", line, key, null, line, key);
                    default -> throw new SourceException("jsonl-malformed", line, "unexpected " + v, null, line);
                };
                values.put(key, value);
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new SourceException("jsonl-malformed", line, "trailing content", null, line);
            }
        } catch (JacksonException e) {
            throw new SourceException("jsonl-malformed", line, e.getOriginalMessage(), e, line);
        }
        return values;
    }

    private static String plain(String number) {
        try {
            BigDecimal d = new BigDecimal(number);
            String s = d.toPlainString();
            return s.contains(".") ? d.stripTrailingZeros().toPlainString() : s;
        } catch (NumberFormatException e) {
            return number;
        }
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public long progressDone() {
        return bytes.count();
    }

    @Override
    public long progressTotal() {
        return size;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
