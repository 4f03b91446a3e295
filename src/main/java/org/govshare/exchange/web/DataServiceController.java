package org.govshare.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govshare.exchange.DataServiceManagement;
import org.govshare.exchange.DataServiceManagement.ExportFormat;
import org.govshare.exchange.DataServiceManagement.Filters;
import org.govshare.exchange.DataServiceManagement.ServiceEntry;
import org.govshare.platform.DeferredAnswers;
import org.govshare.platform.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data service for client applications (API key; its own stateless security chain). Every
 * call names its purpose in {@value #PURPOSE} (ASCII, or UTF-8 percent-encoded).
 */
@RestController
@RequestMapping("/api/v1/data")
@Tag(name = "Data service", description = "Lookup, query, verification and export of granted, masked records")
class DataServiceController {

    static final String PURPOSE = "X-Purpose";
    private static final String JSON_TYPE = MediaType.APPLICATION_JSON_VALUE;

    private final DataServiceManagement data;
    private final DeferredAnswers answers;
    private final Duration answerWithin;

    /** {@code answerWithin}: a call whose audit entry is not durable by then is answered 503, without data. */
    DataServiceController(DataServiceManagement data, DeferredAnswers answers,
                          @Value("${govshare.exchange.audit-timeout:5s}") Duration answerWithin) {
        this.data = data;
        this.answers = answers;
        this.answerWithin = answerWithin;
    }

    @GetMapping
    @Operation(summary = "The resources this client may call now, with granted items, masks, methods and quota")
    List<ServiceEntry> services() {
        return data.allowedServices();
    }

    @GetMapping(value = "/{classification}/{serial}/records/{key}", produces = "application/json")
    @Operation(summary = "One record by its key, granted items only, masked per grant")
    @io.swagger.v3.oas.annotations.Parameters(@Parameter(name = PURPOSE, in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
        required = true, description = "why the data is needed"))
    void lookup(@PathVariable String classification, @PathVariable String serial, @PathVariable String key,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        answers.send(request, response, data.lookup(code(classification, serial), key, purpose(request.getHeader(PURPOSE))),
            JSON_TYPE, answerWithin);
    }

    @GetMapping("/{classification}/{serial}/records")
    @Operation(summary = "Records matching filters inside the grant's row scope, in pages with a cursor",
        description = "Filters on granted, unmasked items: item=v, item.in=a,b, item.prefix=p, item.from=x, "
            + "item.to=y; size (1-100, default 20); cursor from the previous page.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON_TYPE))
    void query(@PathVariable String classification, @PathVariable String serial,
               @RequestParam MultiValueMap<String, String> parameters,
               @RequestHeader(value = PURPOSE, required = false) String purpose,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        answers.send(request, response, data.query(code(classification, serial), new Filters(parameters), purpose(purpose)),
            JSON_TYPE, answerWithin);
    }

    /** What a verification submits: item code name to value. */
    record VerificationRequest(Map<String, String> values) {
    }

    @PostMapping("/{classification}/{serial}/verifications")
    @Operation(summary = "Verify submitted values against the record with the submitted key: match / no match per item, never a value")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON_TYPE))
    void verify(@PathVariable String classification, @PathVariable String serial, @RequestBody VerificationRequest body,
                @RequestHeader(value = PURPOSE, required = false) String purpose,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        answers.send(request, response,
            data.verify(code(classification, serial), body == null ? null : body.values(), purpose(purpose)),
            JSON_TYPE, answerWithin);
    }

    @GetMapping("/{classification}/{serial}/export")
    @Operation(summary = "The granted scope (optionally filtered) as streaming CSV or JSON Lines")
    void export(@PathVariable String classification, @PathVariable String serial, @RequestParam MultiValueMap<String, String> parameters,
                @RequestHeader(value = PURPOSE, required = false) String purpose, HttpServletResponse response)
            throws IOException {
        Map<String, List<String>> filters = new LinkedHashMap<>(parameters);
        List<String> formats = filters.remove("format");
        ExportFormat format = format(formats);
        String type = format == ExportFormat.CSV ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8";
        String disposition = "attachment; filename=\"" + (classification + "-" + serial).replaceAll("[^A-Za-z0-9_.-]", "_")
            + (format == ExportFormat.CSV ? ".csv" : ".jsonl") + "\"";
        // the file's headers only once there is a file: a refusal before the first chunk is a problem, not an attachment
        FileOnFirstWrite file = new FileOnFirstWrite(response, type, disposition);
        data.export(code(classification, serial), new Filters(filters), format, purpose(purpose), file);
        file.start(); // an empty export is still a file
    }

    /** The response's body, which sets the file's type and name when the first byte is written. */
    private static final class FileOnFirstWrite extends FilterOutputStream {

        private final HttpServletResponse response;
        private final String type;
        private final String disposition;
        private boolean started;

        FileOnFirstWrite(HttpServletResponse response, String type, String disposition) throws IOException {
            super(response.getOutputStream());
            this.response = response;
            this.type = type;
            this.disposition = disposition;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            start();
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            start();
            out.write(b);
        }

        void start() {
            if (!started) {
                started = true;
                response.setContentType(type);
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
            }
        }
    }

    /** A resource code is its classification code and serial number ("303001/000004"): two path segments here. */
    private static String code(String classification, String serial) {
        return classification + "/" + serial;
    }

    private static ExportFormat format(List<String> formats) {
        String f = formats == null || formats.isEmpty() ? "csv" : formats.get(0).strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> ExportFormat.CSV;
            case "jsonl", "ndjson" -> ExportFormat.JSONL;
            default -> throw new ProblemException(HttpStatus.BAD_REQUEST, "export-format-unknown", "format",
                "problem.export-format-unknown", f);
        };
    }

    /**
     * A header carries ASCII: non-ASCII text comes percent-encoded as UTF-8 (raw bytes are refused
     * by the firewall with a 400 saying so). Anything that does not decode stays as given.
     */
    static String purpose(String header) {
        if (header == null || header.indexOf('%') < 0) {
            return header;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }
}
