package org.govshare.dataset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.govshare.GovshareApplication;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.internal.load.LoadRequest;
import org.govshare.dataset.internal.load.Loads;
import org.govshare.dataset.internal.load.RowSource;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.CreditCode;
import org.govshare.platform.CurrentActor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The other JVM of {@code CrashSafetyTest}: {@code load <dir>} boots the application on a fresh
 * embedded PostgreSQL in {@code dir}, publishes a resource, applies a small baseline load, starts a
 * big load and reports its progress (the test kills this JVM then); {@code verify <dir>} boots again
 * on the same data, lets the sweeper run and reports what the resource holds.
 */
public final class CrashLoadMain {

    private CrashLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean load = args[0].equals("load");
        Path dir = Path.of(args[1]).toAbsolutePath();
        ConfigurableApplicationContext ctx = new SpringApplication(GovshareApplication.class).run(
            "--govshare.embedded-postgres.data-dir=" + dir.resolve("pg"),
            "--govshare.embedded-postgres.clean=" + load,
            "--govshare.demo.enabled=false",
            "--govshare.bootstrap.authority-name=崩溃测试大数据中心",
            "--govshare.bootstrap.authority-credit-code=" + CreditCode.withCheckDigit("11510112MB9990001"),
            "--govshare.bootstrap.admin-password=Crash@2026gov!",
            "--govshare.catalog.search.index-dir=" + dir.resolve("search"),
            "--govshare.dataset.upload-dir=" + dir.resolve("uploads"),
            "--govshare.dataset.stale-after=2s",
            "--server.port=0", "--govshare.data-service.port=0",
            "--logging.level.root=WARN");
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        if (load) {
            UUID resource = CurrentActor.runAs(CurrentActor.system(), () -> publish(ctx));
            Loads loads = ctx.getBean(Loads.class);
            LoadView baseline = CurrentActor.runAs(CurrentActor.system(), () -> loads.run(request(resource, 1000, "base")));
            System.out.println("BASELINE " + resource + " " + baseline.state() + " " + state(jdbc, resource));
            LoadView big = CurrentActor.runAs(CurrentActor.system(), () -> loads.start(request(resource, 5_000_000, "big")));
            while (true) {
                Thread.sleep(100);
                var row = jdbc.sql("select state, rows_read from dataset_load where id = ?").param(big.id())
                    .query((rs, i) -> rs.getString(1) + " " + rs.getLong(2)).single();
                if (row.startsWith("RUNNING") && !row.endsWith(" 0")) {
                    System.out.println("PROGRESS " + big.id() + " " + row);
                    System.out.flush();
                }
                if (!row.startsWith("RUNNING") && !row.startsWith("QUEUED")) {
                    System.out.println("FINISHED-TOO-SOON " + row);
                    System.exit(3);
                }
            }
        }
        UUID resource = UUID.fromString(args[2]);
        Thread.sleep(3000);
        ctx.getBean(org.govshare.dataset.internal.load.LoadPipeline.class).sweep();
        String loadsState = String.join(",", jdbc.sql("select source || ':' || state || ':' || coalesce(error_code, '-') "
            + "from dataset_load where resource_id = ? order by created_at").param(resource).query(String.class).list());
        System.out.println("RESULT " + state(jdbc, resource) + " " + loadsState);
        ctx.close();
        System.exit(0);
    }

    /** version, record count, last seq, records, change rows and a digest of all records. */
    static String state(JdbcClient jdbc, UUID resource) {
        return jdbc.sql("""
                select d.version || ' ' || d.record_count || ' ' || d.last_seq || ' '
                       || (select count(*) from dataset_record r where r.resource_id = d.resource_id) || ' '
                       || (select count(*) from dataset_change c where c.resource_id = d.resource_id) || ' '
                       || (select md5(string_agg(record_key || '=' || data::text, '|' order by record_key))
                           from dataset_record r where r.resource_id = d.resource_id)
                from dataset d where d.resource_id = ?
                """).param(resource).query(String.class).single();
    }

    private static UUID publish(ConfigurableApplicationContext ctx) {
        CatalogManagement catalog = ctx.getBean(CatalogManagement.class);
        UUID authority = ctx.getBean(DirectoryManagement.class).allOrganizations().get(0).id();
        var items = List.of(
            new DataItemDraft("证件号码", "idno", DataType.STRING, 18, null, null, null, null, null, null, null, true),
            new DataItemDraft("姓名", "xm", DataType.STRING, 50, null, null, null, null, null, null, null, false),
            new DataItemDraft("序号", "n", DataType.INTEGER, null, null, null, null, null, null, null, null, false));
        var draft = new ResourceDraft("303001", "崩溃测试资源", "归集崩溃测试", ResourceFormat.DATABASE,
            ShareType.UNCONDITIONAL, null, null, OpenType.NOT_OPEN, null, UpdateCycle.MONTHLY, LocalDate.now(), null, null,
            null, items);
        UUID id = catalog.register(authority, draft).id();
        catalog.submit(id);
        catalog.approve(id, "ok");
        return id;
    }

    private static LoadRequest request(UUID resource, int rows, String name) {
        RowSource source = new RowSource() {
            int n;

            @Override
            public List<String> columns() {
                return List.of("idno", "xm", "n");
            }

            @Override
            public String[] next() {
                return n < rows ? new String[] {"K" + (++n), name + n, Integer.toString(n)} : null;
            }

            @Override
            public long rowNumber() {
                return n + 1;
            }

            @Override
            public long progressDone() {
                return n;
            }

            @Override
            public long progressTotal() {
                return rows;
            }

            @Override
            public void close() {
            }
        };
        return new LoadRequest(resource, LoadChannel.PULL, LoadMode.FULL, LoadPolicy.ALL_OR_NOTHING, null, name, null,
            () -> source, CurrentActor.system(), null);
    }
}
