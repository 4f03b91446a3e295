package org.govshare.catalog.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.govshare.GovshareApplication;
import org.govshare.catalog.CatalogSearch;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.SearchIndexStatus;
import org.govshare.catalog.SearchQuery;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.catalog.bench.CatalogData.Theme;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog search at district-and-beyond scale: generates published resources with their data
 * items, published snapshots and change-log rows straight into a fresh embedded PostgreSQL under
 * target/bench-pg (a data generator, not product code), restarts the application without an index
 * so it rebuilds one from the database (timed), then runs a fixed list of Chinese queries with
 * facets through {@link CatalogSearch} from concurrent clients. Baseline in the same run: the same
 * keywords and facet filters as PostgreSQL ILIKE scans over names, summaries and data item names,
 * with a count and the first page. Usage: CatalogBenchmark [resources] [items] [clients] [rounds].
 */
public final class CatalogBenchmark {

    private static final Path INDEX = Path.of("target", "bench-search");
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long items = args.length > 1 ? Long.parseLong(args[1]) : 1_500_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf("catalog bench: %,d resources, %,d data items, %d clients, %d cores, max heap %,d MB%n",
            resources, items, clients, Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20);

        deleteTree(INDEX);
        ConfigurableApplicationContext ctx;
        if (Boolean.getBoolean("bench.reuse") && Files.isDirectory(Path.of("target", "bench-pg"))) {
            System.out.println("generate : skipped, reusing the data of the previous run in target/bench-pg");
        } else {
            ctx = start(true);
            try {
                generate(ctx.getBean(DataSource.class), resources, items);
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            } finally {
                ctx.close();
            }
        }

        deleteTree(INDEX);
        long t0 = System.nanoTime();
        ctx = start(false);
        try {
            run(ctx, clients, rounds, t0);
        } finally {
            ctx.close();
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(boolean clean) {
        return new SpringApplication(GovshareApplication.class).run(
            "--govshare.embedded-postgres.data-dir=target/bench-pg",
            "--govshare.embedded-postgres.clean=" + clean,
            "--govshare.catalog.search.index-dir=" + INDEX,
            "--server.port=0", "--govshare.data-service.port=0",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--logging.level.org.govshare=WARN");
    }

    // ---- the data

    private static void generate(DataSource dataSource, int resources, long totalItems) throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(20260101);
        Map<String, List<UUID>> providers = providersByTheme(dataSource);
        Map<String, Integer> codeSeq = new HashMap<>();
        Instant now = Instant.now();
        long itemsWritten = 0;
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            Copy res = new Copy(pg.getCopyAPI().copyIn("copy catalog_resource (id, code, classification_code, provider_id, "
                + "name, summary, format, share_type, share_condition, share_mode, open_type, open_condition, update_cycle, "
                + "release_date, legal_basis, keywords, status, published_version, reviewed_by, reviewed_at, submitted_at, "
                + "version, created_at, updated_at) from stdin"));
            List<Object[]> pending = new ArrayList<>();
            for (int i = 0; i < resources; i++) {
                Theme theme = CatalogData.THEMES.get(random.nextInt(CatalogData.THEMES.size()));
                String cls = theme.classifications().get(random.nextInt(theme.classifications().size()));
                // above the demo district's own codes, which are loaded too (it supplies the providers)
                String code = cls + "/" + String.format("%06d", 500_000 + codeSeq.merge(cls, 1, Integer::sum));
                List<UUID> ps = providers.get(theme.department());
                UUID provider = ps.get(random.nextInt(ps.size()));
                String subject = theme.subjects().get(random.nextInt(theme.subjects().size()));
                String name = pick(random, CatalogData.PREFIXES) + subject + pick(random, CatalogData.SUFFIXES)
                    + (random.nextInt(4) == 0 ? "（" + (2015 + random.nextInt(11)) + "年）" : "");
                // spread the remaining items evenly over the remaining resources: 8..22 each, exact total
                long left = totalItems - itemsWritten;
                int remaining = resources - i;
                int n = (int) Math.max(1, Math.min(500, remaining == 1 ? left
                    : Math.round((double) left / remaining) + random.nextInt(15) - 7));
                List<DataItemView> items = items(random, theme, n, basic(cls));
                itemsWritten += n;
                ShareType share = basic(cls) ? ShareType.UNCONDITIONAL : weighted(random);
                OpenType open = share == ShareType.NOT_SHARED ? OpenType.NOT_OPEN
                    : OpenType.values()[random.nextInt(OpenType.values().length)];
                ResourceFormat format = ResourceFormat.values()[random.nextInt(ResourceFormat.values().length)];
                UpdateCycle cycle = UpdateCycle.values()[random.nextInt(UpdateCycle.values().length)];
                String summary = "记录" + subject + "相关的" + items.get(0).name() + "、" + items.get(items.size() / 2).name()
                    + "和" + items.get(items.size() - 1).name() + "等信息，用于" + pick(random, CatalogData.PURPOSES) + "。";
                LocalDate release = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3000));
                Instant updated = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 900)));
                UUID id = new UUID(random.nextLong(), random.nextLong());
                String condition = share == ShareType.CONDITIONAL ? "仅用于" + pick(random, CatalogData.PURPOSES) : null;
                String legal = share == ShareType.NOT_SHARED ? "《中华人民共和国保守国家秘密法》" : null;
                String openCondition = open == OpenType.CONDITIONAL ? "经申请审核后开放" : null;
                ResourceView view = new ResourceView(id, code, cls, provider, name, summary, format, share, condition,
                    ShareMode.PLATFORM, open, openCondition, cycle, release, List.of(), legal, subject, items,
                    ResourceStatus.PUBLISHED, 1, null, null, 1, updated);
                res.row(id, code, cls, provider, name, summary, format, share, condition, "PLATFORM", open, openCondition,
                    cycle, release, legal, subject, "PUBLISHED", 1, "admin", updated, updated, 1, updated, updated);
                pending.add(new Object[] {view, updated});
            }
            res.end();
            Copy item = new Copy(pg.getCopyAPI().copyIn("copy catalog_data_item (resource_id, position, name, code_name, "
                + "data_type, length, description, sensitivity, share_type, share_condition, legal_basis, standard_name, "
                + "authoritative_source_id, key_item) from stdin"));
            for (Object[] p : pending) {
                ResourceView v = (ResourceView) p[0];
                for (int i = 0; i < v.dataItems().size(); i++) {
                    DataItemView d = v.dataItems().get(i);
                    item.row(v.id(), i, d.name(), d.codeName(), d.dataType(), d.length(), d.description(), d.sensitivity(),
                        d.shareType(), d.shareCondition(), d.legalBasis(), d.standardName(), null, d.key());
                }
            }
            item.end();
            Copy version = new Copy(pg.getCopyAPI().copyIn("copy catalog_resource_version (resource_id, version, content, "
                + "published_at, approved_by) from stdin"));
            for (Object[] p : pending) {
                ResourceView v = (ResourceView) p[0];
                version.row(v.id(), 1, JSON.writeValueAsString(v), p[1], "admin");
            }
            version.end();
            Copy log = new Copy(pg.getCopyAPI().copyIn("copy catalog_change_log (resource_id, changed_at) from stdin"));
            for (Object[] p : pending) {
                log.row(((ResourceView) p[0]).id(), p[1]);
            }
            log.end();
            try (var st = c.createStatement()) {
                st.execute("analyze catalog_resource");
                st.execute("analyze catalog_data_item");
            }
        }
        System.out.printf("generate : %,d resources with %,d data items, snapshots and change log by COPY in %.1f s%n",
            resources, itemsWritten, (System.nanoTime() - t0) / 1e9);
    }

    private static List<DataItemView> items(Random random, Theme theme, int n, boolean basic) {
        Set<String> names = new LinkedHashSet<>();
        List<String> pool = new ArrayList<>();
        theme.groups().forEach(g -> pool.addAll(CatalogData.ITEMS.get(g)));
        pool.addAll(CatalogData.ITEMS.get("generic"));
        int guard = 0;
        while (names.size() < n && guard++ < n * 20) {
            String name = pool.get(random.nextInt(pool.size()));
            names.add(names.contains(name) ? name + (names.size() + 1) : name);
        }
        while (names.size() < n) {
            names.add("扩展字段" + (names.size() + 1));
        }
        List<DataItemView> out = new ArrayList<>();
        int i = 0;
        for (String name : names) {
            DataType type = name.contains("日期") || name.contains("时间") ? DataType.DATE
                : name.contains("金额") || name.contains("面积") || name.contains("基数") ? DataType.DECIMAL : DataType.STRING;
            Integer length = type == DataType.STRING ? Integer.valueOf(100) : type == DataType.DECIMAL ? Integer.valueOf(18) : null;
            ShareType share = basic || random.nextInt(5) > 0 ? ShareType.UNCONDITIONAL : ShareType.CONDITIONAL;
            out.add(new DataItemView(name, "f" + i, type, length, null, Sensitivity.INTERNAL, share,
                share == ShareType.CONDITIONAL ? "仅限授权部门使用" : null, null, name, null, i == 0));
            i++;
        }
        return out;
    }

    private static boolean basic(String cls) {
        return cls.startsWith("101") || cls.startsWith("102") || cls.startsWith("103") || cls.startsWith("105");
    }

    private static ShareType weighted(Random random) {
        int r = random.nextInt(100);
        return r < 60 ? ShareType.UNCONDITIONAL : r < 95 ? ShareType.CONDITIONAL : ShareType.NOT_SHARED;
    }

    private static Map<String, List<UUID>> providersByTheme(DataSource dataSource) throws Exception {
        Map<String, UUID> byName = new HashMap<>();
        List<UUID> departments = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select id, name, type from organization")) {
            while (rs.next()) {
                byName.put(rs.getString(2), rs.getObject(1, UUID.class));
                if ("DEPARTMENT".equals(rs.getString(3))) {
                    departments.add(rs.getObject(1, UUID.class));
                }
            }
        }
        Map<String, List<UUID>> out = new HashMap<>();
        for (Theme t : CatalogData.THEMES) {
            List<UUID> ids = byName.entrySet().stream().filter(e -> e.getKey().contains(t.department()))
                .map(Map.Entry::getValue).toList();
            out.put(t.department(), ids.isEmpty() ? departments : ids);
        }
        return out;
    }

    private static String pick(Random random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** COPY text format, written in 1 MiB chunks. */
    private static final class Copy {
        private final CopyIn in;
        private final StringBuilder sb = new StringBuilder(1 << 20);

        Copy(CopyIn in) {
            this.in = in;
        }

        void row(Object... values) throws Exception {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    sb.append("\\N");
                } else {
                    String s = v.toString();
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\\' -> sb.append("\\\\");
                            case '\t' -> sb.append("\\t");
                            case '\n' -> sb.append("\\n");
                            case '\r' -> sb.append("\\r");
                            default -> sb.append(ch);
                        }
                    }
                }
            }
            sb.append('\n');
            if (sb.length() > (1 << 20) - 4096) {
                flush();
            }
        }

        private void flush() throws Exception {
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            sb.setLength(0);
        }

        void end() throws Exception {
            flush();
            in.endCopy();
        }
    }

    // ---- the measurement

    /** One benchmark query: the search API form and what the ILIKE baseline needs. */
    private record Bench(SearchQuery query, List<String> keywords) {
    }

    private static void run(ConfigurableApplicationContext ctx, int clients, int rounds, long t0) throws Exception {
        CatalogSearch search = ctx.getBean(CatalogSearch.class);
        DataSource dataSource = ctx.getBean(DataSource.class);
        Actor system = CurrentActor.system();
        SearchIndexStatus status;
        do {
            Thread.sleep(200);
            status = CurrentActor.runAs(system, search::status);
        } while (status.state() != SearchIndexStatus.State.READY && status.state() != SearchIndexStatus.State.FAILED);
        double startToReady = (System.nanoTime() - t0) / 1e9;
        if (status.state() == SearchIndexStatus.State.FAILED) {
            throw new IllegalStateException("index build failed: " + status.error());
        }
        double buildSeconds = Duration.between(status.startedAt(), status.finishedAt()).toMillis() / 1000.0;
        long itemCount = count(dataSource, "select count(*) from catalog_data_item");
        System.out.printf("index    : %,d resources (+ %,d data item documents) built from scratch in %.1f s = %,.0f resources/s, "
                + "%,.0f documents/s (application start to ready %.1f s); index on disk %,d MB%n", status.documents(),
            itemCount, buildSeconds, status.documents() / buildSeconds, (status.documents() + itemCount) / buildSeconds,
            startToReady, size(INDEX) >> 20);

        List<Bench> queries = queries(dataSource);
        UUID orgId = departmentId(dataSource);
        Actor user = Actor.ofUser(UUID.randomUUID(), "bench", orgId, Set.of("ORG_ADMIN"));
        long facetQueries = queries.stream().filter(b -> b.query().filtered()).count();
        long itemQueries = queries.stream().filter(b -> b.query().mode() == SearchQuery.Mode.DATA_ITEMS).count();
        System.out.printf("queries  : %d fixed Chinese queries (%d with facet filters, %d data-item searches), page size 20, "
            + "as a department user%n", queries.size(), facetQueries, itemQueries);

        long hits = 0;
        for (int w = 0; w < 2; w++) { // warm-up: JIT, page cache
            for (Bench b : queries) {
                hits += CurrentActor.runAs(user, () -> search.search(b.query())).total();
            }
        }
        System.out.printf("warm-up  : 2 passes, mean %,d hits per query%n", hits / (2L * queries.size()));

        // -Dbench.profile=<file.jfr>: a flight recording of the measured phases, to see where queries spend their time
        String profile = System.getProperty("bench.profile");
        jdk.jfr.Recording recording = null;
        if (profile != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }

        // one client alone: the cost of each query without queueing, and the slowest ones
        List<double[]> alone = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Bench b = queries.get(i);
            long s = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long total = CurrentActor.runAs(user, () -> search.search(b.query())).total();
            alone.add(new double[] {(System.nanoTime() - s) / 1e6, i, total, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6});
        }
        double sum = alone.stream().mapToDouble(a -> a[0]).sum();
        double cpuSum = alone.stream().mapToDouble(a -> a[3]).sum();
        // CPU time hardly depends on what else the machine runs: the figure to compare between changes
        System.out.printf("alone    : one client, mean %.2f ms per query (%.2f ms of CPU); slowest:%n", sum / alone.size(),
            cpuSum / alone.size());
        alone.stream().sorted((x, y) -> Double.compare(y[0], x[0])).limit(5).forEach(a -> {
            SearchQuery q = queries.get((int) a[1]).query();
            System.out.printf("           %6.1f ms  %,7d hits  q=%s mode=%s filtered=%s sort=%s%n", a[0], (long) a[2],
                q.text(), q.mode(), q.filtered(), q.sort());
        });

        Latencies lucene = measure(clients, rounds, queries, b -> CurrentActor.runAs(user, () -> search.search(b.query())));
        System.out.printf("search   : %s%n", lucene);
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(profile));
            recording.close();
            System.out.printf("profile  : %s%n", profile);
        }
        if (Boolean.getBoolean("bench.skipBaseline")) { // while iterating on search only; never for the figures
            System.out.println("baseline : skipped (-Dbench.skipBaseline)");
            return;
        }

        Latencies sql = measure(clients, 1, queries, b -> baseline(dataSource, b));
        System.out.printf("baseline : PostgreSQL ILIKE '%%kw%%' over name/summary/item names, same facet filters, count + "
            + "first page: %s%n", sql);
        System.out.printf("ratio    : baseline p95 / search p95 = %.1f, search QPS / baseline QPS = %.1f%n",
            sql.p(95) / lucene.p(95), lucene.qps() / sql.qps());
        System.out.printf("RESULT build_s=%.1f resources_per_s=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f qps=%.0f "
                + "baseline_p50_ms=%.1f baseline_p95_ms=%.1f baseline_p99_ms=%.1f baseline_qps=%.1f p95_budget_30ms=%s%n",
            buildSeconds, status.documents() / buildSeconds, lucene.p(50), lucene.p(95), lucene.p(99), lucene.qps(),
            sql.p(50), sql.p(95), sql.p(99), sql.qps(), lucene.p(95) <= 30 ? "met" : "MISSED");
    }

    private interface Call {
        Object run(Bench b) throws Exception;
    }

    private record Latencies(double[] millis, double seconds) {
        double p(int percentile) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        double qps() {
            return millis.length / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,d queries in %.1f s = %,.0f q/s; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms",
                millis.length, seconds, qps(), p(50), p(95), p(99), p(100));
        }
    }

    private static Latencies measure(int clients, int rounds, List<Bench> queries, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                Callable<double[]> task = () -> {
                    // each client works through its share of the list (all of it per round), from its own offset
                    int perClient = rounds == 1 ? (queries.size() + clients - 1) / clients : queries.size() * rounds;
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        int index = rounds == 1 ? client + i * clients : (client * 13 + i) % queries.size();
                        if (index >= queries.size()) {
                            break;
                        }
                        long s = System.nanoTime();
                        call.run(queries.get(index));
                        times.add((System.nanoTime() - s) / 1e6);
                    }
                    return times.stream().mapToDouble(Double::doubleValue).toArray();
                };
                futures.add(pool.submit(task));
            }
            List<double[]> all = new ArrayList<>();
            for (Future<double[]> f : futures) {
                all.add(f.get());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Latencies(all.stream().flatMapToDouble(Arrays::stream).toArray(), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same search as SQL: each keyword ILIKE in the name, the summary or a data item's name. */
    private static Object baseline(DataSource dataSource, Bench b) throws Exception {
        SearchQuery q = b.query();
        boolean items = q.mode() == SearchQuery.Mode.DATA_ITEMS;
        StringBuilder sql = new StringBuilder(items
            ? "select count(*) over (), i.name, r.name from catalog_data_item i join catalog_resource r on r.id = i.resource_id"
            : "select count(*) over (), r.id, r.name from catalog_resource r");
        sql.append(" where r.status in ('PUBLISHED','CHANGE_DRAFT','CHANGE_SUBMITTED')");
        List<Object> params = new ArrayList<>();
        for (String k : b.keywords()) {
            String like = "%" + k + "%";
            if (items) {
                sql.append(" and i.name ilike ?");
                params.add(like);
            } else {
                sql.append(" and (r.name ilike ? or r.summary ilike ? or exists (select 1 from catalog_data_item i "
                    + "where i.resource_id = r.id and i.name ilike ?))");
                params.add(like);
                params.add(like);
                params.add(like);
            }
        }
        if (!q.providers().isEmpty()) {
            sql.append(" and r.provider_id = any(?)");
            params.add(q.providers().toArray(UUID[]::new));
        }
        if (!q.classifications().isEmpty()) {
            sql.append(" and (").append(String.join(" or ", q.classifications().stream()
                .map(c -> "r.classification_code like '" + c + "%'").toList())).append(")");
        }
        filter(sql, params, items ? "i.share_type" : "r.share_type", q.shareTypes());
        filter(sql, params, "r.open_type", q.openTypes());
        filter(sql, params, "r.update_cycle", q.updateCycles());
        filter(sql, params, "r.format", q.formats());
        sql.append(" order by r.updated_at desc limit 20");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Object[] array) {
                    ps.setArray(i + 1, c.createArrayOf(array instanceof UUID[] ? "uuid" : "varchar", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong(1);
                }
            }
            return total;
        }
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, Set<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            sql.append(" and ").append(column).append(" = any(?)");
            params.add(values.stream().map(Enum::name).toArray(String[]::new));
        }
    }

    /** 200 queries, the same every run: keywords with no filter, one facet, or two. */
    private static List<Bench> queries(DataSource dataSource) throws Exception {
        Random random = new Random(7);
        Map<String, List<UUID>> providers = providersByTheme(dataSource);
        List<Bench> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean itemMode = i % 10 == 9;
            String text = itemMode ? CatalogData.ITEM_KEYWORDS.get(random.nextInt(CatalogData.ITEM_KEYWORDS.size()))
                : CatalogData.KEYWORDS.get(random.nextInt(CatalogData.KEYWORDS.size()));
            Theme theme = CatalogData.THEMES.get(random.nextInt(CatalogData.THEMES.size()));
            Set<UUID> prov = Set.of();
            Set<String> cls = Set.of();
            Set<ShareType> share = Set.of();
            Set<OpenType> open = Set.of();
            Set<UpdateCycle> cycle = Set.of();
            Set<ResourceFormat> format = Set.of();
            switch (i % 8) {
                case 1 -> share = Set.of(ShareType.UNCONDITIONAL);
                case 2 -> prov = Set.of(providers.get(theme.department()).get(0));
                case 3 -> cls = Set.of(theme.classifications().get(0).substring(0, Math.min(3,
                    theme.classifications().get(0).length())));
                case 4 -> {
                    share = Set.of(ShareType.UNCONDITIONAL, ShareType.CONDITIONAL);
                    format = Set.of(ResourceFormat.DATABASE, ResourceFormat.API);
                }
                case 5 -> {
                    cls = Set.of("3");
                    cycle = Set.of(UpdateCycle.MONTHLY, UpdateCycle.DAILY, UpdateCycle.REAL_TIME);
                }
                case 6 -> open = Set.of(OpenType.OPEN, OpenType.CONDITIONAL);
                default -> { }
            }
            SearchQuery.Sort sort = i % 7 == 3 ? SearchQuery.Sort.UPDATED : SearchQuery.Sort.RELEVANCE;
            SearchQuery q = new SearchQuery(text, prov, cls, share, open, cycle, format, sort,
                itemMode ? SearchQuery.Mode.DATA_ITEMS : SearchQuery.Mode.RESOURCES, 0, 20);
            out.add(new Bench(q, List.of(text.split(" "))));
        }
        return out;
    }

    private static UUID departmentId(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                 "select id from organization where name like '%人力资源%' and type = 'DEPARTMENT'")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
