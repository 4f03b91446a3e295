package org.govshare.dataset.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.DatasetManagement.DatasetFilter;
import org.govshare.dataset.DatasetView;
import org.govshare.dataset.FilePreview;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.PushBatch;
import org.govshare.dataset.RecordView;
import org.govshare.dataset.Rejection;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records behind published resources: overviews, rules, file uploads (jobs, 202 with the load
 * to poll), pushed batches (synchronous, idempotent by batch id), load history with progress,
 * cancel, rollback and rejection reports, and the provider's own records.
 */
@RestController
@RequestMapping("/api/v1/datasets")
class DatasetApiController {

    private static final int MAX_PAGE = 200;
    private static final int REJECTIONS_IN_JSON = 100;

    private final DatasetManagement datasets;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    DatasetApiController(DatasetManagement datasets, MessageSource messages) {
        this.datasets = datasets;
        this.messages = messages;
    }

    /** A load with the first rejections (all of them in the CSV report). */
    record LoadDetails(LoadView load, List<Rejection> rejections, String rejectionReport) {
    }

    @GetMapping
    @Operation(summary = "Overviews of the published resources' records the caller may see")
    PageView<DatasetView> list(@RequestParam(required = false) UUID provider,
                               @RequestParam(defaultValue = "false") boolean overdue,
                               @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        return PageView.of(datasets.datasets(new DatasetFilter(provider, overdue, q), pageRequest(page, size)));
    }

    @GetMapping("/{resourceId}")
    @Operation(summary = "Version, size, last load, quality and freshness of a resource's records")
    DatasetView dataset(@PathVariable UUID resourceId) {
        return datasets.dataset(resourceId);
    }

    @GetMapping("/{resourceId}/rules")
    @Operation(summary = "The effective validation rules of every data item")
    List<ItemRule> rules(@PathVariable UUID resourceId) {
        return datasets.rules(resourceId);
    }

    @PutMapping("/{resourceId}/rules")
    @Operation(summary = "Replaces the provider's validation rules")
    List<ItemRule> changeRules(@PathVariable UUID resourceId, @RequestBody List<ItemRule> rules) {
        return datasets.changeRules(resourceId, rules);
    }

    @PostMapping(value = "/{resourceId}/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Reads the head of a file: format, charset, delimiter, columns, suggested mapping")
    FilePreview preview(@PathVariable UUID resourceId, @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return datasets.preview(resourceId, file.getOriginalFilename(), in);
        }
    }

    @PostMapping(value = "/{resourceId}/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Uploads a file (CSV, XLSX, JSON Lines); the load runs as a job (poll its Location)")
    ResponseEntity<LoadView> upload(@PathVariable UUID resourceId, @RequestParam("file") MultipartFile file,
                                    @RequestParam(required = false) String mapping,
                                    @RequestParam(defaultValue = "FULL") LoadMode mode,
                                    @RequestParam(defaultValue = "ALL_OR_NOTHING") LoadPolicy policy) throws IOException {
        ColumnMapping m = null;
        if (mapping != null && !mapping.isBlank()) {
            try {
                m = json.readValue(mapping, ColumnMapping.class);
            } catch (JacksonException e) {
                throw ProblemException.invalid("mapping", "mapping-invalid");
            }
        }
        LoadView load;
        try (InputStream in = file.getInputStream()) {
            load = datasets.upload(resourceId, file.getOriginalFilename(), in, m, mode, policy);
        }
        return ResponseEntity.accepted().location(URI.create(loadPath(resourceId, load.id()))).body(load);
    }

    @PostMapping("/{resourceId}/batches")
    @Operation(summary = "Pushes a batch of upserts and deletes (incremental, synchronous, idempotent by batchId)")
    LoadDetails push(@PathVariable UUID resourceId, @RequestBody PushBatch batch, Locale locale) {
        return details(datasets.push(resourceId, batch), locale);
    }

    @GetMapping("/{resourceId}/loads")
    @Operation(summary = "The resource's loads, newest first")
    PageView<LoadView> loads(@PathVariable UUID resourceId, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        return PageView.of(datasets.loads(resourceId, pageRequest(page, size)));
    }

    @GetMapping("/{resourceId}/loads/{loadId}")
    @Operation(summary = "One load with its progress and first rejections")
    LoadDetails load(@PathVariable UUID resourceId, @PathVariable UUID loadId, Locale locale) {
        return details(loadOf(resourceId, loadId), locale);
    }

    @PostMapping("/{resourceId}/loads/{loadId}/cancel")
    @Operation(summary = "Cancels a queued or running load; it applies nothing")
    LoadView cancel(@PathVariable UUID resourceId, @PathVariable UUID loadId) {
        loadOf(resourceId, loadId);
        return datasets.cancel(loadId);
    }

    @PostMapping("/{resourceId}/loads/{loadId}/rollback")
    @Operation(summary = "Undoes the newest applied load with a ROLLBACK load")
    ResponseEntity<LoadView> rollback(@PathVariable UUID resourceId, @PathVariable UUID loadId) {
        LoadView load = datasets.rollback(resourceId, loadId);
        return ResponseEntity.created(URI.create(loadPath(resourceId, load.id()))).body(load);
    }

    @GetMapping("/{resourceId}/loads/{loadId}/rejections")
    @Operation(summary = "The load's rejections with reasons in the request's language")
    List<Rejection> rejections(@PathVariable UUID resourceId, @PathVariable UUID loadId,
                               @RequestParam(defaultValue = "1000") int limit, Locale locale) {
        if (limit < 1 || limit > 10_000) {
            throw ProblemException.invalid("limit", "size-range", 10_000);
        }
        loadOf(resourceId, loadId);
        return datasets.rejections(loadId, locale, limit);
    }

    @GetMapping(value = "/{resourceId}/loads/{loadId}/rejections.csv", produces = "text/csv")
    @Operation(summary = "All rejections of the load as CSV (UTF-8 with BOM)")
    void rejectionsCsv(@PathVariable UUID resourceId, @PathVariable UUID loadId, Locale locale,
                       HttpServletResponse response) throws IOException {
        loadOf(resourceId, loadId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("rejections-" + loadId + ".csv", StandardCharsets.UTF_8).build().toString());
        datasets.writeRejections(loadId, locale, response.getOutputStream());
    }

    @GetMapping("/{resourceId}/records")
    @Operation(summary = "The provider's current records, paged; q matches keys and values (audited)")
    PageView<RecordView> records(@PathVariable UUID resourceId, @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return PageView.of(datasets.records(resourceId, q, pageRequest(page, size)));
    }

    @GetMapping("/{resourceId}/records/{key}")
    @Operation(summary = "One current record by its key (key items joined with U+001F) (audited)")
    RecordView record(@PathVariable UUID resourceId, @PathVariable String key) {
        return datasets.record(resourceId, key).orElseThrow(() -> ProblemException.notFound("record", key));
    }

    private LoadView loadOf(UUID resourceId, UUID loadId) {
        LoadView load = datasets.load(loadId);
        if (!load.resourceId().equals(resourceId)) {
            throw ProblemException.notFound("load", loadId);
        }
        return load;
    }

    private LoadDetails details(LoadView load, Locale locale) {
        if (load.rowsRejected() == 0 && load.errorCode() == null) {
            return new LoadDetails(load, List.of(), null);
        }
        return new LoadDetails(load, datasets.rejections(load.id(), locale, REJECTIONS_IN_JSON),
            loadPath(load.resourceId(), load.id()) + "/rejections.csv");
    }

    private static String loadPath(UUID resourceId, UUID loadId) {
        return "/api/v1/datasets/" + resourceId + "/loads/" + loadId;
    }

    private static PageRequest pageRequest(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "page-range", 0);
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.invalid("size", "size-range", MAX_PAGE);
        }
        return PageRequest.of(page, size);
    }

    /** Uploads beyond the servlet's multipart limit, before the service's own check could count them. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(HttpServletRequest request) {
        return problem(request, HttpStatus.CONTENT_TOO_LARGE, "file-too-large");
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ProblemDetail notMultipart(HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "file-required");
    }

    private ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create("https://govshare.org/problems/" + code));
        p.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        p.setDetail(messages.getMessage("problem." + code, new Object[] {""}, code, locale));
        p.setProperty("code", code);
        p.setProperty("field", "file");
        if (RequestIds.current() != null) {
            p.setProperty("requestId", RequestIds.current());
        }
        return p;
    }

}
