package org.govshare.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.apache.commons.csv.CSVFormat;
import org.govshare.dataset.RecordCondition;
import org.govshare.dataset.RecordReads;
import org.govshare.exchange.DataServiceManagement.ExportFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a granted scope in chunks: records go into a chunk buffer (masked, granted items only);
 * a full chunk is audited (its count and its subjects' keyed hashes), and only once that entry is
 * durable is the chunk written to the client. Memory stays at one chunk whatever the size of the
 * dataset; a client that stops reading stops the cursor.
 */
@Component
class Exports {

    private final RecordReads records;
    private final Masking masking;
    private final int chunkRecords;
    private final JsonMapper json = JsonMapper.builder().build();

    /** What an export refused for want of a turn tells the client to wait. */
    static final int RETRY_AFTER_SECONDS = 30;

    /**
     * Exports running at once on this node: each holds a request thread (and a database connection)
     * for as long as it streams, and the data service's port has only a few threads.
     */
    private final Semaphore running;
    private final int limit;

    Exports(RecordReads records, Masking masking, @Value("${govshare.exchange.export-chunk:5000}") int chunkRecords,
            @Value("${govshare.data-service.concurrent-exports:2}") int concurrentExports) {
        this.records = records;
        this.masking = masking;
        this.chunkRecords = Math.max(1, chunkRecords);
        this.limit = Math.max(1, concurrentExports);
        this.running = new Semaphore(limit);
    }

    /** Takes a turn to export, if one is free now: an export never waits for one, it is told to retry. */
    boolean tryStart() {
        return running.tryAcquire();
    }

    void finished() {
        running.release();
    }

    int limit() {
        return limit;
    }

    long write(DataGateway.Call call, List<RecordCondition> conditions, ExportFormat format, OutputStream out)
            throws IOException {
        Chunk chunk = new Chunk(call, format, out);
        if (format == ExportFormat.CSV) {
            chunk.header();
        }
        try {
            records.stream(call.resource.id(), conditions, (key, text) -> {
                RecordFields fields = RecordFields.parse(json, text);
                if (call.scope.inScope(fields)) {
                    chunk.add(key, fields);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        chunk.send(true);
        return chunk.total;
    }

    private final class Chunk {
        private final DataGateway.Call call;
        private final ExportFormat format;
        private final OutputStream out;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        private final StringBuilder line = new StringBuilder(256);
        private final List<String> keys = new ArrayList<>();
        private final Object[] values;
        private long total;
        private int sent;

        Chunk(DataGateway.Call call, ExportFormat format, OutputStream out) {
            this.call = call;
            this.format = format;
            this.out = out;
            this.values = new Object[call.scope.items().size()];
        }

        void header() {
            buffer.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (int i = 0; i < values.length; i++) {
                values[i] = call.scope.items().get(i).codeName();
            }
            csvLine();
        }

        void add(String key, RecordFields fields) {
            if (format == ExportFormat.CSV) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = call.scope.shown(i, fields, masking);
                }
                if (values.length == 1 && values[0] == null) {
                    // a lone empty value would print a blank line, which CSV readers skip: quote it ("")
                    values[0] = "";
                }
                csvLine();
            } else {
                try (JsonGenerator g = json.createGenerator(buffer)) {
                    call.scope.write(g, fields, masking);
                }
                buffer.write('\n');
            }
            keys.add(key);
            total++;
            if (keys.size() >= chunkRecords) {
                send(false);
            }
        }

        private void csvLine() {
            line.setLength(0);
            try {
                CSVFormat.DEFAULT.printRecord(line, values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }

        void send(boolean last) {
            sent++;
            call.doneNow("export chunk " + sent + (last ? " (last)" : "") + ": " + keys.size() + " records, "
                + total + " so far", keys);
            try {
                buffer.writeTo(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.reset();
            keys.clear();
        }
    }
}
