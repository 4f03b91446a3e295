package org.govshare.demo;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govshare.demo.DemoDistrict.Department;
import org.govshare.catalog.CatalogManagement;
import org.govshare.dataset.DatasetManagement;
import org.govshare.exchange.DataServiceManagement;
import org.govshare.dataset.SourceDatabases;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.NewClientApplication;
import org.govshare.directory.NewUser;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.directory.Role;
import org.govshare.directory.UserView;
import org.govshare.platform.Actor;
import org.govshare.platform.CreditCode;
import org.govshare.platform.CurrentActor;
import org.govshare.sharing.SharingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo district once (later starts find it and do nothing), through the directory's
 * public API acting as the system, so the demo obeys the same rules as real data.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "govshare.demo.enabled", matchIfMissing = true)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final DirectoryManagement directory;
    private final CatalogManagement catalog;
    private final DatasetManagement datasets;
    private final SourceDatabases sources;
    private final JdbcTemplate jdbc;
    private final Environment environment;
    /** Who loads records for each department: its data steward, else its administrator. */
    private final Map<UUID, Actor> loaders = new HashMap<>();
    /** Every demo person by user name, to act as them (sharing applications and decisions). */
    private final Map<String, Actor> people = new HashMap<>();
    private final SharingManagement sharing;
    private final DataServiceManagement data;

    DemoLoader(DirectoryManagement directory, CatalogManagement catalog, DatasetManagement datasets,
               SourceDatabases sources, JdbcTemplate jdbc, Environment environment, SharingManagement sharing,
               DataServiceManagement data) {
        this.sharing = sharing;
        this.data = data;
        this.directory = directory;
        this.catalog = catalog;
        this.datasets = datasets;
        this.sources = sources;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        CurrentActor.runAs(CurrentActor.system(), () -> {
            boolean loaded = directory.allOrganizations().stream().anyMatch(o -> o.name().equals(DemoDistrict.AUTHORITY));
            if (!loaded) {
                long started = System.nanoTime();
                Map<String, UUID> departments = load();
                DemoCatalog demoCatalog = new DemoCatalog(catalog, departments);
                int resources = demoCatalog.load();
                DemoSharing.Outcome shared = shareDemo(departments);
                log.info("Demo district loaded in {} ms ({} catalog resources, {} sharing applications, {} grants)",
                    (System.nanoTime() - started) / 1_000_000, resources, shared.applications(), shared.grants());
                loadRecordsInBackground(demoCatalog.published());
            } else {
                loaders();
                datasets().followDatabasePort();
            }
            return null;
        });
    }

    /** Sharing applications on every path; a failure here leaves the rest of the demo usable. */
    private DemoSharing.Outcome shareDemo(Map<String, UUID> departments) {
        try {
            return new DemoSharing(sharing, catalog, departments, people).load();
        } catch (RuntimeException e) {
            log.warn("Demo sharing applications stopped: {}", e.toString());
            return new DemoSharing.Outcome(0, 0);
        }
    }

    /**
     * Records come after the catalog, off the start-up thread: the console is usable at once and the
     * uploads run as jobs anyway. Progress shows on the datasets pages; the log says when all is queued.
     */
    private void loadRecordsInBackground(java.util.List<UUID> published) {
        DemoDatasets demo = datasets();
        Thread worker = new Thread(() -> {
            long started = System.nanoTime();
            try {
                DemoDatasets.Outcome records = CurrentActor.runAs(CurrentActor.system(), () -> demo.load(published));
                log.info("Demo records loaded in {} ms: {} uploads queued in {} ms, {} pushes in {} ms, {} pulls "
                        + "defined in {} ms (the scheduler runs them), {} resources left without data",
                    (System.nanoTime() - started) / 1_000_000, records.uploads(), records.uploadMs(), records.pushes(),
                    records.pushMs(), records.pulls(), records.pullMs(), records.empty());
                int calls = new DemoDataCalls(sharing, datasets, data, people.get("admin"), loaders).run();
                log.info("Demo data service calls answered: {}", calls);
            } catch (RuntimeException e) {
                log.warn("Demo records stopped: {}", e.toString());
            }
        }, "demo-records");
        worker.setDaemon(true);
        worker.start();
    }

    private DemoDatasets datasets() {
        String url = environment.getProperty("govshare.embedded-postgres.running", Boolean.class, false)
            ? environment.getProperty("spring.datasource.url", "").split("\\?")[0] : null;
        return new DemoDatasets(catalog, datasets, sources, jdbc, url, loaders);
    }

    /** The loaders of an already loaded district, found by their demo user names. */
    private void loaders() {
        for (Department d : DemoDistrict.DEPARTMENTS) {
            directory.allOrganizations().stream().filter(o -> o.name().equals(d.name())).findFirst().ifPresent(o ->
                directory.users(o.id(), d.key() + (d.fullStaff() ? "_steward" : "_admin"),
                        PageRequest.of(0, 5)).stream()
                    .filter(u -> u.username().equals(d.key() + (d.fullStaff() ? "_steward" : "_admin"))).findFirst()
                    .ifPresent(u -> loaders.put(o.id(), actor(u))));
        }
    }

    private static Actor actor(UserView u) {
        return Actor.ofUser(u.id(), u.username(), u.organizationId(),
            u.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
    }

    private Map<String, UUID> load() {
        int seq = 0;
        OrganizationView authority = org(DemoDistrict.AUTHORITY, "区大数据中心", OrganizationType.AUTHORITY, null, seq++, "邓文");
        user("admin", "邓文", authority.id(), EnumSet.of(Role.PLATFORM_ADMIN, Role.ORG_ADMIN));
        user("auditor", "曹悦", authority.id(), EnumSet.of(Role.AUDITOR));
        Map<String, UUID> byKey = new HashMap<>();
        for (Department d : DemoDistrict.DEPARTMENTS) {
            OrganizationView org = org(d.name(), d.shortName(), OrganizationType.DEPARTMENT, null, seq++, d.contact());
            byKey.put(d.key(), org.id());
            UserView admin = user(d.key() + "_admin", d.contact(), org.id(), EnumSet.of(Role.ORG_ADMIN));
            loaders.put(org.id(), actor(admin));
            if (d.fullStaff()) {
                UserView steward = user(d.key() + "_steward", d.contact() + "（数据专员）", org.id(),
                    EnumSet.of(Role.DATA_STEWARD));
                loaders.put(org.id(), actor(steward));
                user(d.key() + "_reviewer", d.contact() + "（审核员）", org.id(), EnumSet.of(Role.REVIEWER));
                user(d.key() + "_auditor", d.contact() + "（审计员）", org.id(), EnumSet.of(Role.AUDITOR));
            }
        }
        for (String name : DemoDistrict.STREETS_AND_TOWNS) {
            OrganizationType type = name.endsWith("街道") ? OrganizationType.STREET : OrganizationType.TOWN;
            org("成都市龙泉驿区" + name + (type == OrganizationType.STREET ? "办事处" : "人民政府"), name, type, null, seq++, null);
        }
        for (DemoDistrict.ClientSystem c : DemoDistrict.CLIENT_SYSTEMS) {
            directory.registerClientApplication(new NewClientApplication(byKey.get(c.departmentKey()), c.name(), c.description()));
        }
        return byKey;
    }

    private OrganizationView org(String name, String shortName, OrganizationType type, UUID parent, int seq, String contact) {
        // 1 = organ (机构编制) registration authority, 1 = government organ; organization code from the sequence
        String code = CreditCode.withCheckDigit("11" + DemoDistrict.AREA + String.format("MB%07d", 1_000_311 + seq * 137));
        String phone = String.format("028-8485%04d", 1000 + seq * 37);
        return directory.registerOrganization(new OrganizationDetails(name, shortName, type, parent, code, contact,
            contact == null ? null : phone, null));
    }

    private UserView user(String username, String name, UUID organization, Set<Role> roles) {
        UserView u = directory.createUser(new NewUser(username, name, organization, DemoDistrict.PASSWORD, roles, null,
            null));
        people.put(username, actor(u));
        return u;
    }
}
