package org.govshare.catalog.web;

import org.govshare.platform.ConsolePage;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.govshare.catalog.CatalogTransfer;
import org.govshare.catalog.CatalogTransfer.Job;
import org.govshare.catalog.CatalogTransfer.Mode;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.internal.CatalogAccess;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.Actor;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's bulk cataloguing page: template and export downloads, the upload form, recent
 * imports, and one import's page whose progress bar polls (htmx, every second) until the job ends
 * and then shows the problems by sheet, row and column.
 */
@ConsolePage
@RequestMapping("/catalog")
class CatalogImportConsoleController {

    private static final int PROBLEMS_SHOWN = 500;

    private final CatalogTransfer transfer;
    private final DirectoryManagement directory;
    private final ConsoleForms forms;
    private final MessageSource messages;
    private final CatalogAccess access;
    private final ZoneId zone;

    CatalogImportConsoleController(CatalogTransfer transfer, DirectoryManagement directory, ConsoleForms forms,
                                   MessageSource messages, CatalogAccess access,
                                   @Value("${govshare.display-zone:Asia/Shanghai}") String zone) {
        this.access = access;
        this.zone = ZoneId.of(zone);
        this.transfer = transfer;
        this.directory = directory;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/import")
    String page(Model model) {
        return page(model, Mode.ALL_OR_NOTHING, null);
    }

    @GetMapping("/import/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        CatalogTransferApiController.attachment(response, "资源目录导入模板.xlsx");
        transfer.writeTemplate(response.getOutputStream());
    }

    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) UUID providerId, @RequestParam(required = false) ResourceStatus status,
                @RequestParam(required = false) String classification, HttpServletResponse response) throws IOException {
        CatalogTransferApiController.attachment(response, "资源目录.xlsx");
        transfer.export(new ResourceFilter(providerId, status, classification, null), response.getOutputStream());
    }

    @PostMapping("/import")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "ALL_OR_NOTHING") Mode mode,
                  @RequestParam(required = false) UUID providerId, Model model, Locale locale) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(messages.getMessage("excel.problem.file-required", null, locale)));
            return page(model, mode, providerId);
        }
        return forms.attempt(null, model, locale, () -> {
                try (InputStream in = file.getInputStream()) {
                    return transfer.startImport(file.getOriginalFilename(), in, mode, providerId);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })
            .map(job -> "redirect:/catalog/import/" + job.id())
            .orElseGet(() -> page(model, mode, providerId));
    }

    @GetMapping("/import/{id}")
    String job(@PathVariable UUID id, Model model, Locale locale) {
        jobModel(transfer.job(id), model, locale);
        return "catalog/import-job";
    }

    @GetMapping("/import/{id}/progress")
    String progress(@PathVariable UUID id, Model model, Locale locale) {
        jobModel(transfer.job(id), model, locale);
        return "catalog/import-job :: progress";
    }

    @PostMapping("/import/{id}/cancel")
    String cancel(@PathVariable UUID id, Model model, Locale locale) {
        jobModel(transfer.cancel(id), model, locale);
        return "catalog/import-job :: progress";
    }

    @GetMapping("/import/{id}/errors.xlsx")
    void errors(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        transfer.job(id);
        CatalogTransferApiController.attachment(response, "导入问题.xlsx");
        transfer.writeProblems(id, locale, response.getOutputStream());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, Locale locale) {
        model.addAttribute("errors", List.of(messages.getMessage("excel.problem.file-too-large",
            new Object[]{CatalogTransferApiController.UPLOAD_LIMIT_MB}, locale)));
        return page(model, Mode.ALL_OR_NOTHING, null);
    }

    private String page(Model model, Mode mode, UUID providerId) {
        Actor actor = CurrentActor.require();
        model.addAttribute("jobs", transfer.recentJobs(20));
        model.addAttribute("zone", zone);
        model.addAttribute("mode", mode);
        model.addAttribute("modes", Mode.values());
        model.addAttribute("providerId", providerId != null ? providerId : actor.organizationId());
        boolean authority = access.isAuthority(actor);
        model.addAttribute("providers", authority ? directory.allOrganizations().stream()
            .filter(OrganizationView::active).toList() : List.of());
        model.addAttribute("mayImport", authority || actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.ORG_ADMIN));
        return "catalog/import";
    }

    private void jobModel(Job job, Model model, Locale locale) {
        model.addAttribute("job", job);
        model.addAttribute("problems", job.status().finished() && job.problemCount() > 0
            ? transfer.problems(job.id(), locale, PROBLEMS_SHOWN) : List.of());
        model.addAttribute("problemsShown", PROBLEMS_SHOWN);
    }
}
