package org.govshare.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.PullDefinitionDraft;
import org.govshare.dataset.PushBatch;
import org.govshare.dataset.SourceDatabaseDraft;
import org.govshare.dataset.SourceDatabaseKind;
import org.govshare.dataset.SourceDatabaseView;
import org.govshare.dataset.SourceDatabases;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records for the demo district's published resources, through the three channels a department
 * would use: most by an uploaded CSV file (loaded as a background job), some pushed by the
 * department's system, a handful pulled by the real scheduler from a staging schema
 * {@code demo_staging} of the embedded database. A few promising resources are left without data
 * (overdue on the dashboard) and one upload keeps its valid rows and reports the rest.
 */
final class DemoDatasets {

    static final String STAGING_SCHEMA = "demo_staging";
    static final String STAGING_ROLE = "demo_staging_reader";
    static final String STAGING_SOURCE = "演示前置库";
    private static final Logger log = LoggerFactory.getLogger(DemoDatasets.class);
    private static final int MAX_PULLS = 6;

    private final CatalogManagement catalog;
    private final DatasetManagement datasets;
    private final SourceDatabases sources;
    private final JdbcTemplate jdbc;
    private final String datasourceUrl;
    /** Who loads for each department: its data steward, else its administrator. */
    private final Map<UUID, Actor> loaders;

    DemoDatasets(CatalogManagement catalog, DatasetManagement datasets, SourceDatabases sources, JdbcTemplate jdbc,
                 String datasourceUrl, Map<UUID, Actor> loaders) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.sources = sources;
        this.jdbc = jdbc;
        this.datasourceUrl = datasourceUrl;
        this.loaders = loaders;
    }

    record Outcome(int uploads, int pushes, int pulls, int empty, long uploadMs, long pushMs, long pullMs) {
    }

    Outcome load(List<UUID> published) {
        int uploads = 0;
        int pushes = 0;
        int empty = 0;
        boolean keptValid = false;
        List<ResourceView> toPull = new ArrayList<>();
        int j = 0;
        long uploadNanos = 0;
        long pushNanos = 0;
        for (UUID id : published) {
            ResourceView r = catalog.published(id).orElse(null);
            if (r == null || r.dataItems().stream().noneMatch(DataItemView::key) || !loaders.containsKey(r.providerId())) {
                continue;
            }
            j++;
            if (j % 37 == 11) {
                empty++;
                continue;
            }
            if (j % 9 == 4 && toPull.size() < MAX_PULLS) {
                toPull.add(r);
                continue;
            }
            Actor loader = loaders.get(r.providerId());
            long t0 = System.nanoTime();
            try {
                if (j % 4 == 1) {
                    CurrentActor.runAs(loader, () -> datasets.push(r.id(), batch(r)));
                    pushes++;
                } else {
                    boolean flawed = !keptValid;
                    byte[] csv = csv(r, flawed);
                    CurrentActor.runAs(loader, () -> datasets.upload(r.id(), r.name() + ".csv",
                        new ByteArrayInputStream(csv), null, LoadMode.FULL,
                        flawed ? LoadPolicy.KEEP_VALID : LoadPolicy.ALL_OR_NOTHING));
                    keptValid = true;
                    uploads++;
                }
            } catch (RuntimeException e) {
                log.warn("Demo records of {} not loaded: {}", r.code(), e.toString());
            }
            if (j % 4 == 1) {
                pushNanos += System.nanoTime() - t0;
            } else {
                uploadNanos += System.nanoTime() - t0;
            }
        }
        long t1 = System.nanoTime();
        int pulls = staging(toPull);
        return new Outcome(uploads, pushes, pulls, empty, uploadNanos / 1_000_000, pushNanos / 1_000_000,
            (System.nanoTime() - t1) / 1_000_000);
    }

    /**
     * The embedded database listens on a new port every start: points the demo staging sources at
     * the current one so their pulls keep working.
     */
    void followDatabasePort() {
        if (datasourceUrl == null) {
            return;
        }
        for (Map.Entry<UUID, Actor> e : loaders.entrySet()) {
            CurrentActor.runAs(e.getValue(), () -> {
                for (SourceDatabaseView s : sources.sources(e.getKey())) {
                    if (s.name().equals(STAGING_SOURCE) && !s.jdbcUrl().equals(datasourceUrl)) {
                        sources.change(s.id(), s.version(), new SourceDatabaseDraft(s.name(), s.kind(), datasourceUrl,
                            s.username(), ""));
                    }
                }
                return null;
            });
        }
    }

    // ---- generated rows

    private static int rows(ResourceView r) {
        return 20 + Math.floorMod(r.code().hashCode(), 181);
    }

    private static String prefix(ResourceView r) {
        return "LQY" + r.code().replaceAll("\\D", "").substring(0, 6) + "-";
    }

    private List<String[]> generate(ResourceView r) {
        DemoValues values = new DemoValues(r.code().hashCode());
        List<DataItemView> items = r.dataItems();
        int n = rows(r);
        List<String[]> out = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            String[] v = new String[items.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.value(items.get(i), row, prefix(r));
            }
            out.add(v);
        }
        return out;
    }

    private PushBatch batch(ResourceView r) {
        List<Map<String, Object>> upserts = new ArrayList<>();
        for (String[] row : generate(r)) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                if (row[i] != null) {
                    m.put(r.dataItems().get(i).codeName(), row[i]);
                }
            }
            upserts.add(m);
        }
        return new PushBatch("demo-" + r.code(), upserts, List.of(), LoadPolicy.ALL_OR_NOTHING);
    }

    /** A CSV with the data items' names as header; {@code flawed}: a few rows with values that break their rules. */
    private byte[] csv(ResourceView r, boolean flawed) {
        StringBuilder sb = new StringBuilder();
        List<DataItemView> items = r.dataItems();
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(items.get(i).name()));
        }
        sb.append('\n');
        List<String[]> rows = generate(r);
        for (int k = 0; k < rows.size(); k++) {
            String[] row = rows.get(k);
            if (flawed && k % 25 == 3) {
                row = row.clone();
                for (int i = 0; i < row.length; i++) {
                    DataType t = items.get(i).dataType();
                    if (!items.get(i).key() && (t == DataType.DATE || t == DataType.INTEGER || t == DataType.DECIMAL)) {
                        row[i] = t == DataType.DATE ? "2025-13-45" : "约一百";
                        break;
                    }
                    if (items.get(i).key() && items.get(i).name().contains("统一社会信用代码")) {
                        row[i] = row[i].substring(0, 17) + (row[i].charAt(17) == '0' ? '1' : '0');
                        break;
                    }
                }
            }
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : ",").append(row[i] == null ? "" : quote(row[i]));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
            ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    // ---- the staging schema and its pulls

    /** Fills {@code demo_staging} with one table per resource and defines incremental pulls the scheduler runs. */
    private int staging(List<ResourceView> resources) {
        if (resources.isEmpty() || datasourceUrl == null) {
            return 0;
        }
        String password;
        try {
            password = stagingRole();
        } catch (RuntimeException e) {
            log.warn("Demo staging database not created (the database user may not create roles): {}", e.toString());
            return 0;
        }
        Map<UUID, UUID> sourceByOrg = new HashMap<>();
        int defined = 0;
        for (ResourceView r : resources) {
            String table = "r_" + r.code().replaceAll("\\D", "");
            try {
                fill(table, r);
                Actor loader = loaders.get(r.providerId());
                UUID source = sourceByOrg.computeIfAbsent(r.providerId(), org -> CurrentActor.runAs(loader,
                    () -> sources.create(org, new SourceDatabaseDraft(STAGING_SOURCE, SourceDatabaseKind.POSTGRESQL,
                        datasourceUrl, STAGING_ROLE, password))).id());
                CurrentActor.runAs(loader, () -> sources.definePull(r.id(), new PullDefinitionDraft(source,
                    STAGING_SCHEMA + "." + table, null, "updated_at", LoadMode.INCREMENTAL, LoadPolicy.ALL_OR_NOTHING,
                    null, null, true)));
                defined++;
            } catch (RuntimeException e) {
                log.warn("Demo pull of {} not defined: {}", r.code(), e.toString());
            }
        }
        return defined;
    }

    /** A login role that may only read the staging schema, with a fresh random password. */
    private String stagingRole() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Long roles = jdbc.queryForObject("select count(*) from pg_roles where rolname = ?", Long.class, STAGING_ROLE);
        jdbc.execute((roles != null && roles > 0 ? "alter" : "create") + " role " + STAGING_ROLE + " login password '"
            + password + "'");
        jdbc.execute("create schema if not exists " + STAGING_SCHEMA);
        jdbc.execute("grant usage on schema " + STAGING_SCHEMA + " to " + STAGING_ROLE);
        return password;
    }

    private void fill(String table, ResourceView r) {
        List<DataItemView> items = r.dataItems();
        StringBuilder ddl = new StringBuilder("create table " + STAGING_SCHEMA + "." + table + " (");
        StringBuilder insert = new StringBuilder("insert into " + STAGING_SCHEMA + "." + table + " values (");
        for (DataItemView item : items) {
            ddl.append('"').append(item.codeName()).append("\" ").append(sqlType(item)).append(", ");
            insert.append("cast(? as ").append(sqlType(item)).append("), ");
        }
        ddl.append("updated_at timestamp not null)");
        insert.append("?)");
        jdbc.execute(ddl.toString());
        List<String[]> rows = generate(r);
        DemoValues clock = new DemoValues(0);
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            Object[] args = new Object[items.size() + 1];
            System.arraycopy(rows.get(k), 0, args, 0, items.size());
            args[items.size()] = Timestamp.valueOf(clock.updatedAt(k));
            batch.add(args);
        }
        jdbc.batchUpdate(insert.toString(), batch);
        jdbc.execute("grant select on " + STAGING_SCHEMA + "." + table + " to " + STAGING_ROLE);
    }

    private static String sqlType(DataItemView item) {
        return switch (item.dataType()) {
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric";
            case DATE -> "date";
            case DATETIME -> "timestamp";
            case BOOLEAN -> "boolean";
            case BINARY -> "bytea";
            case STRING -> "text";
        };
    }
}
