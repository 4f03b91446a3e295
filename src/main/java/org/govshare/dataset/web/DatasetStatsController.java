package org.govshare.dataset.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.DatasetManagement.DatasetFilter;
import org.govshare.dataset.DatasetView;
import org.govshare.dataset.Freshness;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The authority's dashboard chart: datasets by freshness (on time, overdue, no promised cycle). */
@RestController
class DatasetStatsController {

    private static final int MAX_DATASETS = 10_000;

    private final DatasetManagement datasets;
    private final DatasetDashboard dashboard;
    private final MessageSource messages;

    DatasetStatsController(DatasetManagement datasets, DatasetDashboard dashboard, MessageSource messages) {
        this.datasets = datasets;
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/datasets/stats/freshness")
    Map<String, Object> freshness(Locale locale) {
        if (!dashboard.isAuthority(CurrentActor.require())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
        }
        long[] counts = new long[3];
        // the service builds every overview to filter anyway: one page of them all
        Page<DatasetView> page = datasets.datasets(new DatasetFilter(null, false, null), PageRequest.of(0, MAX_DATASETS));
        for (DatasetView d : page) {
            Freshness f = d.freshness();
            counts[f == null || f.dueAt() == null && !f.overdue() ? 2 : f.overdue() ? 1 : 0]++;
        }
        List<String> categories = List.of("fresh", "overdue", "no-promise").stream()
            .map(k -> messages.getMessage("dataset.freshness." + k, null, k, locale)).toList();
        return Map.of("categories", categories, "series", List.of(Map.of(
            "name", messages.getMessage("dataset.chart.datasets", null, "datasets", locale),
            "data", List.of(counts[0], counts[1], counts[2]))));
    }
}
