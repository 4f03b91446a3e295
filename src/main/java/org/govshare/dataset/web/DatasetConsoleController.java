package org.govshare.dataset.web;

import org.govshare.platform.ConsolePage;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.DatasetManagement.DatasetFilter;
import org.govshare.dataset.DatasetView;
import org.govshare.dataset.FilePreview;
import org.govshare.dataset.ItemKind;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadState;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.RecordView;
import org.govshare.platform.Actor;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
 * The 数据归集 console: the caller's datasets, one resource's page (overview, upload, load history
 * with rollback of the newest applied load), the two-step upload (the file is read once for a
 * preview with an editable column mapping, kept in the session's stash, then loaded as a job),
 * the job page whose progress polls with htmx until the load ends and then lists the rejections,
 * and the provider's records. Who may see what is the service's to decide; this only hides
 * buttons a caller could not use.
 */
@ConsolePage
@RequestMapping("/datasets")
class DatasetConsoleController {

    static final int PREVIEW_ROWS = 10;
    static final int REJECTIONS_SHOWN = 500;
    private static final int PAGE_SIZE = 20;

    private final DatasetManagement datasets;
    private final CatalogManagement catalog;
    private final UploadStash stash;
    private final ConsoleForms forms;
    private final MessageSource messages;
    private final ZoneId zone;

    DatasetConsoleController(DatasetManagement datasets, CatalogManagement catalog, UploadStash stash,
                             ConsoleForms forms, MessageSource messages,
                             @Value("${govshare.display-zone:Asia/Shanghai}") String zone) {
        this.datasets = datasets;
        this.catalog = catalog;
        this.stash = stash;
        this.forms = forms;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null || q.isBlank() ? null : q.trim();
        Page<DatasetView> result = datasets.datasets(new DatasetFilter(null, overdue, query),
            PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("page", result);
        model.addAttribute("overdue", overdue);
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("pagerBase", "/datasets?overdue=" + overdue
            + (query == null ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        model.addAttribute("zone", zone);
        return "dataset/list";
    }

    @GetMapping("/{resourceId}")
    String dataset(@PathVariable UUID resourceId, @RequestParam(defaultValue = "0") int page, Model model) {
        return datasetPage(resourceId, page, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, model);
    }

    @PostMapping("/{resourceId}/upload")
    String upload(@PathVariable UUID resourceId, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "FULL") LoadMode mode,
                  @RequestParam(defaultValue = "ALL_OR_NOTHING") LoadPolicy policy, HttpSession session, Model model,
                  Locale locale) {
        DatasetView dataset = datasets.dataset(resourceId);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(messages.getMessage("dataset.upload.file-required", null, locale)));
            return datasetPage(resourceId, 0, mode, policy, model);
        }
        UploadStash.Stashed stashed;
        try (InputStream in = file.getInputStream()) {
            stashed = stash.put(session, resourceId, file.getOriginalFilename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<FilePreview> preview = forms.attempt(null, model, locale, () -> {
            try (InputStream in = Files.newInputStream(stashed.path())) {
                return datasets.preview(resourceId, stashed.fileName(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (preview.isEmpty()) {
            stash.remove(session, stashed);
            return datasetPage(resourceId, 0, mode, policy, model);
        }
        return previewPage(dataset, stashed, preview.get(), preview.get().suggested(), mode, policy, model);
    }

    @PostMapping("/{resourceId}/loads")
    String start(@PathVariable UUID resourceId, @RequestParam(required = false) String token,
                 @RequestParam(defaultValue = "FULL") LoadMode mode,
                 @RequestParam(defaultValue = "ALL_OR_NOTHING") LoadPolicy policy,
                 @RequestParam Map<String, String> fields, HttpSession session, Model model, Locale locale) {
        DatasetView dataset = datasets.dataset(resourceId);
        Optional<UploadStash.Stashed> stashed = stash.get(session, token, resourceId);
        if (stashed.isEmpty()) {
            model.addAttribute("errors", List.of(messages.getMessage("dataset.upload.expired", null, locale)));
            return datasetPage(resourceId, 0, mode, policy, model);
        }
        ColumnMapping mapping = mapping(fields);
        Optional<LoadView> load = forms.attempt(null, model, locale, () -> {
            try (InputStream in = Files.newInputStream(stashed.get().path())) {
                return datasets.upload(resourceId, stashed.get().fileName(), in, mapping, mode, policy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (load.isPresent()) {
            stash.remove(session, stashed.get());
            return "redirect:/datasets/loads/" + load.get().id();
        }
        FilePreview preview;
        try (InputStream in = Files.newInputStream(stashed.get().path())) {
            preview = datasets.preview(resourceId, stashed.get().fileName(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return previewPage(dataset, stashed.get(), preview, mapping, mode, policy, model);
    }

    /** The preview form's fields: {@code column-i} (the column's name) and {@code item-i} (an item's code name or empty). */
    static ColumnMapping mapping(Map<String, String> fields) {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 0; fields.containsKey("column-" + i); i++) {
            String item = fields.get("item-" + i);
            if (item != null && !item.isBlank()) {
                items.put(fields.get("column-" + i), item);
            }
        }
        String delete = fields.get("deleteColumn");
        return new ColumnMapping(items, delete == null || delete.isBlank() ? null : delete);
    }

    @GetMapping("/loads/{loadId}")
    String load(@PathVariable UUID loadId, Model model, Locale locale) {
        LoadView load = datasets.load(loadId);
        model.addAttribute("dataset", datasets.dataset(load.resourceId()));
        loadModel(load, model, locale);
        return "dataset/load";
    }

    @GetMapping("/loads/{loadId}/progress")
    String progress(@PathVariable UUID loadId, Model model, Locale locale) {
        loadModel(datasets.load(loadId), model, locale);
        return "dataset/load :: progress";
    }

    @PostMapping("/loads/{loadId}/cancel")
    String cancel(@PathVariable UUID loadId, Model model, Locale locale) {
        loadModel(datasets.cancel(loadId), model, locale);
        return "dataset/load :: progress";
    }

    @GetMapping("/loads/{loadId}/rejections.csv")
    void rejections(@PathVariable UUID loadId, Locale locale, HttpServletResponse response) throws IOException {
        LoadView load = datasets.load(loadId);
        String name = "rejections-" + load.id() + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        datasets.writeRejections(loadId, locale, response.getOutputStream());
    }

    @PostMapping("/{resourceId}/loads/{loadId}/rollback")
    String rollback(@PathVariable UUID resourceId, @PathVariable UUID loadId, Model model, Locale locale) {
        return forms.attempt(null, model, locale, () -> datasets.rollback(resourceId, loadId))
            .map(l -> "redirect:/datasets/loads/" + l.id())
            .orElseGet(() -> datasetPage(resourceId, 0, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, model));
    }

    @GetMapping("/{resourceId}/records")
    String records(@PathVariable UUID resourceId, @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        DatasetView dataset = datasets.dataset(resourceId);
        String query = q == null || q.isBlank() ? null : q.trim();
        Page<RecordView> records = datasets.records(resourceId, query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("dataset", dataset);
        model.addAttribute("items", items(resourceId));
        model.addAttribute("page", records);
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("pagerBase", "/datasets/" + resourceId + "/records"
            + (query == null ? "" : "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        model.addAttribute("zone", zone);
        return "dataset/records";
    }

    @GetMapping("/{resourceId}/rules")
    String rules(@PathVariable UUID resourceId, Model model) {
        return rulesPage(datasets.dataset(resourceId), datasets.rules(resourceId), model);
    }

    @PostMapping("/{resourceId}/rules")
    String saveRules(@PathVariable UUID resourceId, @RequestParam Map<String, String> fields, Model model,
                     Locale locale) {
        DatasetView dataset = datasets.dataset(resourceId);
        List<ItemRule> rules = new ArrayList<>();
        for (int i = 0; fields.containsKey("code-" + i); i++) {
            String code = fields.get("code-" + i);
            List<String> allowed = java.util.Arrays.stream(fields.getOrDefault("allowed-" + i, "").split("[,，;；\\n]"))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
            rules.add(new ItemRule(code, fields.containsKey("required-" + i),
                ItemKind.valueOf(fields.getOrDefault("kind-" + i, "PLAIN")), allowed, blankToNull(fields.get("pattern-" + i)),
                decimal(fields.get("min-" + i)), decimal(fields.get("max-" + i))));
        }
        return forms.attempt(null, model, locale, () -> datasets.changeRules(resourceId, rules))
            .map(saved -> {
                model.addAttribute("saved", dataset.resourceName());
                return rulesPage(dataset, saved, model);
            })
            .orElseGet(() -> rulesPage(dataset, rules, model));
    }

    private String rulesPage(DatasetView dataset, List<ItemRule> rules, Model model) {
        Map<String, DataItemView> items = new LinkedHashMap<>();
        items(dataset.resourceId()).forEach(i -> items.put(i.codeName(), i));
        model.addAttribute("dataset", dataset);
        model.addAttribute("rules", rules);
        model.addAttribute("itemsByCode", items);
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("mayLoad", mayLoad(dataset));
        return "dataset/rules";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static java.math.BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw org.govshare.platform.ProblemException.invalid("min", "invalid-value", "min/max", s, "decimal");
        }
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, Locale locale) {
        model.addAttribute("message", messages.getMessage("dataset.upload.too-large", null, locale));
        return "dataset/too-large";
    }

    private String datasetPage(UUID resourceId, int page, LoadMode mode, LoadPolicy policy, Model model) {
        DatasetView dataset = datasets.dataset(resourceId);
        Page<LoadView> loads = datasets.loads(resourceId, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("dataset", dataset);
        model.addAttribute("loads", loads);
        model.addAttribute("mayLoad", mayLoad(dataset));
        model.addAttribute("rollbackable", newestApplied(dataset, loads));
        model.addAttribute("mode", mode);
        model.addAttribute("policy", policy);
        model.addAttribute("modes", LoadMode.values());
        model.addAttribute("policies", LoadPolicy.values());
        model.addAttribute("pagerBase", "/datasets/" + resourceId);
        model.addAttribute("zone", zone);
        return "dataset/dataset";
    }

    /** The load that produced the current version: the only one a rollback may name. */
    private static UUID newestApplied(DatasetView dataset, Page<LoadView> loads) {
        if (dataset.version() == 0 || loads.getNumber() != 0) {
            return null;
        }
        return loads.getContent().stream()
            .filter(l -> l.state() == LoadState.SUCCEEDED && l.version() == dataset.version())
            .map(LoadView::id).findFirst().orElse(null);
    }

    private String previewPage(DatasetView dataset, UploadStash.Stashed stashed, FilePreview preview,
                               ColumnMapping mapping, LoadMode mode, LoadPolicy policy, Model model) {
        model.addAttribute("dataset", dataset);
        model.addAttribute("preview", preview);
        model.addAttribute("token", stashed.token());
        model.addAttribute("items", items(dataset.resourceId()));
        model.addAttribute("mapping", mapping.items());
        model.addAttribute("deleteColumn", mapping.deleteColumn());
        model.addAttribute("mode", mode);
        model.addAttribute("policy", policy);
        model.addAttribute("modes", LoadMode.values());
        model.addAttribute("policies", LoadPolicy.values());
        model.addAttribute("keyItems", dataset.keyItems());
        return "dataset/preview";
    }

    private List<DataItemView> items(UUID resourceId) {
        return catalog.published(resourceId).map(ResourceView::dataItems).orElse(List.of());
    }

    private void loadModel(LoadView load, Model model, Locale locale) {
        model.addAttribute("load", load);
        boolean problems = load.state().finished() && (load.rowsRejected() > 0 || load.errorCode() != null);
        model.addAttribute("rejections", problems ? datasets.rejections(load.id(), locale, REJECTIONS_SHOWN)
            : new ArrayList<>());
        model.addAttribute("rejectionsShown", REJECTIONS_SHOWN);
        model.addAttribute("zone", zone);
    }

    private static boolean mayLoad(DatasetView dataset) {
        Actor actor = CurrentActor.require();
        return actor.isPlatformAdmin() || actor.belongsTo(dataset.providerId())
            && (actor.hasRole(Roles.DATA_STEWARD) || actor.hasRole(Roles.ORG_ADMIN));
    }
}
