package org.govshare.exchange.internal;

import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored record read once with the streaming parser into parallel arrays (name, canonical text,
 * JSON kind): the scope check and the masked projection work on these, so no map or node tree is
 * built per request. Stored records are flat objects of scalars (dataset's canonical form).
 */
final class RecordFields {

    enum Kind { STRING, NUMBER, BOOLEAN }

    private String[] names = new String[16];
    private String[] texts = new String[16];
    private Kind[] kinds = new Kind[16];
    private int size;

    static RecordFields parse(JsonMapper json, String data) {
        RecordFields f = new RecordFields();
        try (JsonParser p = json.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored record is not a JSON object");
            }
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                switch (t) {
                    case VALUE_STRING -> f.add(name, p.getString(), Kind.STRING);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> f.add(name, p.getString(), Kind.NUMBER);
                    case VALUE_TRUE, VALUE_FALSE -> f.add(name, p.getString(), Kind.BOOLEAN);
                    case VALUE_NULL -> { }
                    default -> p.skipChildren();
                }
            }
        }
        return f;
    }

    private void add(String name, String text, Kind kind) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        names[size] = name;
        texts[size] = text;
        kinds[size] = kind;
        size++;
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The canonical text of the item's value, or null when the record has none. */
    String text(String name) {
        int i = indexOf(name);
        return i < 0 ? null : texts[i];
    }

    Kind kind(String name) {
        int i = indexOf(name);
        return i < 0 ? null : kinds[i];
    }
}
