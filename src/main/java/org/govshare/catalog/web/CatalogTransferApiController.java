package org.govshare.catalog.web;

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
import org.govshare.catalog.CatalogTransfer;
import org.govshare.catalog.CatalogTransfer.CellProblem;
import org.govshare.catalog.CatalogTransfer.Job;
import org.govshare.catalog.CatalogTransfer.Mode;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceStatus;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel in and out of the catalog: the template, imports as jobs (202 with the job to poll), their
 * problems as JSON or as a workbook, and exports in the template's format.
 */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogTransferApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int PROBLEMS_IN_JSON = 1000;

    static final int UPLOAD_LIMIT_MB = 20;

    private final CatalogTransfer transfer;
    private final MessageSource messages;

    CatalogTransferApiController(CatalogTransfer transfer, MessageSource messages) {
        this.transfer = transfer;
        this.messages = messages;
    }

    /** A job with its problems (the first thousand; all of them in errors.xlsx). */
    record JobDetails(Job job, List<CellProblem> problems, String errorReport) {
    }

    @GetMapping(value = "/template.xlsx", produces = XLSX)
    @Operation(summary = "The Excel template for bulk cataloguing, with dropdowns for the code lists")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "资源目录导入模板.xlsx");
        transfer.writeTemplate(response.getOutputStream());
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a filled template; the import runs as a job (poll its Location)")
    ResponseEntity<Job> startImport(@RequestParam("file") MultipartFile file,
                                    @RequestParam(defaultValue = "ALL_OR_NOTHING") Mode mode,
                                    @RequestParam(required = false) UUID providerId) throws IOException {
        Job job;
        try (InputStream in = file.getInputStream()) {
            job = transfer.startImport(file.getOriginalFilename(), in, mode, providerId);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/catalog/imports/" + job.id())).body(job);
    }

    @GetMapping("/imports")
    List<Job> imports(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid("limit", "size-range", 200);
        }
        return transfer.recentJobs(limit);
    }

    @GetMapping("/imports/{id}")
    JobDetails job(@PathVariable UUID id, Locale locale) {
        Job job = transfer.job(id);
        List<CellProblem> problems = job.problemCount() == 0 ? List.of() : transfer.problems(id, locale, PROBLEMS_IN_JSON);
        return new JobDetails(job, problems, job.problemCount() == 0 ? null : "/api/v1/catalog/imports/" + id + "/errors.xlsx");
    }

    @PostMapping("/imports/{id}/cancel")
    Job cancel(@PathVariable UUID id) {
        return transfer.cancel(id);
    }

    @GetMapping(value = "/imports/{id}/errors.xlsx", produces = XLSX)
    void errors(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        transfer.job(id);
        attachment(response, "导入问题-" + id + ".xlsx");
        transfer.writeProblems(id, locale, response.getOutputStream());
    }

    @GetMapping(value = "/export.xlsx", produces = XLSX)
    @Operation(summary = "The resources the caller may see, in the import template's format")
    void export(@RequestParam(required = false) UUID providerId, @RequestParam(required = false) ResourceStatus status,
                @RequestParam(required = false) String classification, @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        attachment(response, "资源目录.xlsx");
        transfer.export(new ResourceFilter(providerId, status, classification, q), response.getOutputStream());
    }

    static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }

    /** Uploads beyond the servlet's multipart limit, before the import's own check could count them. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(HttpServletRequest request) {
        return problem(request, HttpStatus.CONTENT_TOO_LARGE, "file-too-large", UPLOAD_LIMIT_MB);
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ProblemDetail notMultipart(HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "file-required");
    }

    /** The platform's problem shape (code, field, request id), for refusals raised before the service runs. */
    private ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, Object... args) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create("https://govshare.org/problems/" + code));
        p.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        p.setDetail(messages.getMessage("excel.problem." + code, args, code, locale));
        p.setProperty("code", code);
        p.setProperty("field", "file");
        if (RequestIds.current() != null) {
            p.setProperty("requestId", RequestIds.current());
        }
        return p;
    }
}
