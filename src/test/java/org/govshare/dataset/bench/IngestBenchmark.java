package org.govshare.dataset.bench;

import java.io.BufferedWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.govshare.GovshareApplication;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.ItemKind;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.LoadChannel;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.internal.load.FileSources;
import org.govshare.dataset.internal.load.LoadRequest;
import org.govshare.dataset.internal.load.Loads;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.CreditCode;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ResidentId;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * File import with validation against PostgreSQL's own COPY: generates a population-like CSV
 * (12 items: resident identity numbers with valid check digits, dates, code-list values, credit
 * codes, decimals), publishes the resource on a fresh embedded PostgreSQL under target/bench-ingest,
 * COPYs the file into an equivalent typed table (the baseline), then imports it through the real
 * pipeline (file reader, every check, COPY into records and the change log) and finally applies an
 * incremental file of changed rows. Usage: IngestBenchmark [rows=1000000] [changed=100000].
 */
public final class IngestBenchmark {

    private static final Path DIR = Path.of("target", "bench-ingest").toAbsolutePath();
    private static final String HEADER = "公民身份号码,姓名,性别,出生日期,民族,户籍地址,联系电话,婚姻状况,文化程度,登记日期,"
        + "工作单位统一社会信用代码,月收入";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛"};
    private static final String[] STREETS = {"龙泉街道", "大面街道", "十陵街道", "同安街道", "柏合街道", "洪河街道"};
    private static final String[] EDUCATION = {"小学", "初中", "高中", "大专", "本科", "研究生"};

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int changed = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf("ingest bench: %,d rows, %,d changed, %d cores, max heap %,d MB, load average %.2f%n", rows,
            changed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Files.createDirectories(DIR);
        Path full = DIR.resolve("population.csv");
        Path delta = DIR.resolve("population-changes.csv");
        long t0 = System.nanoTime();
        write(full, rows, 0, 1, 0);
        write(delta, changed, 0, Math.max(1, rows / changed), 1);
        System.out.printf("generated %s (%,d MB) and %s in %.1f s%n", full.getFileName(), Files.size(full) >> 20,
            delta.getFileName(), secs(t0));

        ConfigurableApplicationContext ctx = new SpringApplication(GovshareApplication.class).run(
            "--govshare.embedded-postgres.data-dir=" + DIR.resolve("pg"),
            "--govshare.embedded-postgres.clean=true",
            "--govshare.demo.enabled=false",
            "--govshare.bootstrap.authority-name=基准测试大数据中心",
            "--govshare.bootstrap.authority-credit-code=" + CreditCode.withCheckDigit("11510112MB9990002"),
            "--govshare.bootstrap.admin-password=Bench@2026gov!",
            "--govshare.catalog.search.index-dir=" + DIR.resolve("search"),
            "--govshare.dataset.upload-dir=" + DIR.resolve("uploads"),
            "--server.port=0", "--govshare.data-service.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
            "--logging.level.org.govshare=WARN", "--logging.level.org.govshare.dataset=INFO");
        try {
            UUID resource = CurrentActor.runAs(CurrentActor.system(), () -> publish(ctx));
            DataSource ds = ctx.getBean(DataSource.class);

            long copyNanos = baseline(ds, full);
            System.out.printf("baseline  COPY into a typed table (primary key on the id number): %,d rows in %.2f s%n",
                rows, copyNanos / 1e9);

            long t1 = System.nanoTime();
            LoadView load = load(ctx, resource, full, LoadMode.FULL);
            long loadNanos = System.nanoTime() - t1;
            check(load, rows);
            System.out.printf("pipeline  initial FULL load with validation: %,d rows in %.2f s (%s, +%,d, seq %d..%d)%n",
                load.rowsAccepted(), loadNanos / 1e9, load.state(), load.inserted(), load.firstSeq(), load.lastSeq());
            System.out.printf("ratio     pipeline / COPY = %.2f (budget <= 2.00)%n", (double) loadNanos / copyNanos);

            long t2 = System.nanoTime();
            LoadView inc = load(ctx, resource, delta, LoadMode.INCREMENTAL);
            check(inc, changed);
            System.out.printf("pipeline  INCREMENTAL upsert of %,d changed rows into %,d: %.2f s (~%,d updated)%n",
                inc.rowsAccepted(), rows, secs(t2), inc.updated());
            System.out.printf("heap      max %,d MB, used now %,d MB; load average %.2f%n",
                Runtime.getRuntime().maxMemory() >> 20,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            ctx.close();
        }
        System.exit(0);
    }

    private static void check(LoadView load, long rows) {
        if (!"SUCCEEDED".equals(load.state().name()) || load.rowsAccepted() != rows) {
            throw new IllegalStateException("load did not apply every row: " + load);
        }
    }

    private static LoadView load(ConfigurableApplicationContext ctx, UUID resource, Path file, LoadMode mode)
            throws Exception {
        FileSources files = ctx.getBean(FileSources.class);
        FileSources.DetectedFile detected = files.detect(file, file.getFileName().toString());
        Loads loads = ctx.getBean(Loads.class);
        return CurrentActor.runAs(CurrentActor.system(), () -> loads.run(new LoadRequest(resource, LoadChannel.UPLOAD,
            mode, LoadPolicy.ALL_OR_NOTHING, null, file.getFileName().toString(), null, () -> files.open(detected),
            CurrentActor.system(), null)));
    }

    private static long baseline(DataSource ds, Path file) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_population");
            s.execute("""
                create table bench_population (
                    sfzh char(18) primary key, xm varchar(50) not null, xb varchar(1), csrq date, mz varchar(2),
                    hjdz varchar(200), lxdh varchar(20), hyzk varchar(2), whcd varchar(10), djrq date,
                    gzdw_tyshxydm char(18), ysr numeric(12, 2))
                """);
            long t = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_population from stdin (format csv, header true)", in);
            }
            return System.nanoTime() - t;
        }
    }

    private static UUID publish(ConfigurableApplicationContext ctx) {
        CatalogManagement catalog = ctx.getBean(CatalogManagement.class);
        UUID authority = ctx.getBean(DirectoryManagement.class).allOrganizations().get(0).id();
        List<DataItemDraft> items = List.of(
            item("公民身份号码", "sfzh", DataType.STRING, 18, true),
            item("姓名", "xm", DataType.STRING, 50, false),
            item("性别", "xb", DataType.STRING, 1, false),
            item("出生日期", "csrq", DataType.DATE, null, false),
            item("民族", "mz", DataType.STRING, 2, false),
            item("户籍地址", "hjdz", DataType.STRING, 200, false),
            item("联系电话", "lxdh", DataType.STRING, 20, false),
            item("婚姻状况", "hyzk", DataType.STRING, 2, false),
            item("文化程度", "whcd", DataType.STRING, 10, false),
            item("登记日期", "djrq", DataType.DATE, null, false),
            item("工作单位统一社会信用代码", "gzdw_tyshxydm", DataType.STRING, 18, false),
            item("月收入", "ysr", DataType.DECIMAL, 12, false));
        ResourceDraft draft = new ResourceDraft("101001", "户籍人口基本信息（基准）", "归集基准测试", ResourceFormat.DATABASE,
            ShareType.UNCONDITIONAL, null, null, OpenType.NOT_OPEN, null, UpdateCycle.DAILY, LocalDate.now(), null, null,
            null, items);
        UUID id = catalog.register(authority, draft).id();
        catalog.submit(id);
        catalog.approve(id, "bench");
        List<String> nations = new ArrayList<>();
        for (int i = 1; i <= 56; i++) {
            nations.add(String.format("%02d", i));
        }
        ctx.getBean(DatasetManagement.class).changeRules(id, List.of(
            new ItemRule("sfzh", true, ItemKind.RESIDENT_ID, List.of(), null, null, null),
            new ItemRule("xm", true, ItemKind.PLAIN, List.of(), null, null, null),
            new ItemRule("xb", true, ItemKind.PLAIN, List.of("1", "2"), null, null, null),
            new ItemRule("mz", false, ItemKind.PLAIN, nations, null, null, null),
            new ItemRule("lxdh", false, ItemKind.PLAIN, List.of(), "1[3-9][0-9]{9}", null, null),
            new ItemRule("hyzk", false, ItemKind.PLAIN, List.of("10", "20", "30", "40"), null, null, null),
            new ItemRule("gzdw_tyshxydm", false, ItemKind.CREDIT_CODE, List.of(), null, null, null),
            new ItemRule("ysr", false, ItemKind.PLAIN, List.of(), null, java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("1000000"))));
        return id;
    }

    private static DataItemDraft item(String name, String code, DataType type, Integer length, boolean key) {
        return new DataItemDraft(name, code, type, length, null, null, null, null, null, null, null, key);
    }

    /** Rows first, first+step, ...; variant 1 changes phone and income (the incremental file). */
    private static void write(Path file, int count, int first, int step, int variant) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder sb = new StringBuilder(256);
            for (int n = 0; n < count; n++) {
                int i = first + n * step;
                sb.setLength(0);
                LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 29_000);
                String id17 = "510112" + birth.toString().replace("-", "") + String.format("%03d", i / 29_000);
                String id = id17 + residentCheck(id17);
                if (n < 3 && !ResidentId.check(id).valid()) {
                    throw new IllegalStateException("generated an invalid id " + id);
                }
                sb.append(id).append(',')
                    .append(SURNAMES[i % SURNAMES.length]).append(GIVEN[(i / 7) % GIVEN.length])
                    .append(GIVEN[(i / 3) % GIVEN.length]).append(',')
                    .append(1 + (i % 2)).append(',')
                    .append(birth).append(',')
                    .append(String.format("%02d", 1 + (i % 56))).append(',')
                    .append("四川省成都市龙泉驿区").append(STREETS[i % STREETS.length]).append(i % 300).append("号").append(',')
                    .append("13").append(String.format("%09d", (i * 7L + variant * 13L) % 1_000_000_000L)).append(',')
                    .append(10 * (1 + i % 4)).append(',')
                    .append(EDUCATION[i % EDUCATION.length]).append(',')
                    .append(LocalDate.of(2000, 1, 1).plusDays(i % 9000)).append(',')
                    .append(i % 5 == 0 ? "" : CreditCode.withCheckDigit(String.format("91510112MA%07d", i % 9_999_999)))
                    .append(',')
                    .append(i % 10 == 0 ? "" : (3000 + (i % 20000) + variant * 100) + "." + (i % 100 < 10 ? "0" : "")
                        + (i % 100))
                    .append('\n');
                w.append(sb);
            }
        }
    }

    private static char residentCheck(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * weights[k];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
