package org.govshare.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareType;
import org.govshare.directory.ClientApplicationView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.sharing.ApplicationDraft;
import org.govshare.sharing.ApplicationView;
import org.govshare.sharing.Approval;
import org.govshare.sharing.FilterOp;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.govshare.sharing.RowFilter;
import org.govshare.sharing.SharingManagement;

/**
 * Sharing applications on every path, so a visitor sees them at once: unconditional grants,
 * conditional ones approved with a row scope and masks, one waiting for the authority's pre-check
 * (2 working days), one in the provider's review, a refusal disputed and waiting for the authority,
 * and a not-shared coordination waiting. All made through {@link SharingManagement} as the demo's
 * own people; nothing is backdated, so an overdue application appears only when time passes.
 */
final class DemoSharing {

    /** Every demo application's purpose starts with this (the tests find them by it). */
    static final String PURPOSE_PREFIX = "龙泉驿区";

    /** The call purposes (X-Purpose) each consuming department's applications state. */
    static final Map<String, List<String>> CALL_PURPOSES = Map.of(
        "rsj", List.of("参保登记时核验单位登记信息", "社会保险稽核"),
        "spj", List.of("一窗受理核验办事对象信息", "行政许可审查核验"),
        "ggzy", List.of("投标主体资格核验"),
        "gaj", List.of("案件办理核查相关信息"),
        "scjg", List.of("企业信用监管核查"));

    private final SharingManagement sharing;
    private final CatalogManagement catalog;
    private final Map<String, UUID> departments;
    private final Map<String, Actor> users;
    private final Set<UUID> used = new HashSet<>();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    DemoSharing(SharingManagement sharing, CatalogManagement catalog, Map<String, UUID> departments,
                Map<String, Actor> users) {
        this.sharing = sharing;
        this.catalog = catalog;
        this.departments = departments;
        this.users = users;
    }

    record Outcome(int applications, int grants) {
    }

    Outcome load() {
        int grants = 0;
        // unconditional: granted at once
        for (String[] pair : new String[][]{{"rsj", "scjg"}, {"spj", "gaj"}, {"ggzy", "scjg"}, {"gaj", "rsj"}}) {
            Optional<ResourceView> r = resource(pair[1], ShareType.UNCONDITIONAL);
            if (r.isPresent()) {
                ApplicationView a = apply(pair[0], r.get(), items(r.get(), 6), "核验办事对象基本信息，减少群众重复提交材料",
                    false);
                grants += a.grantId() == null ? 0 : 1;
            }
        }
        // conditional, pre-checked and approved with a row scope and masks
        for (String[] pair : new String[][]{{"rsj", "scjg"}, {"spj", "gaj"}}) {
            Optional<ResourceView> r = resource(pair[1], ShareType.CONDITIONAL);
            if (r.isPresent()) {
                ApplicationView a = apply(pair[0], r.get(), items(r.get(), 6), "办理业务时按属地范围核验相关信息", false);
                as("admin", () -> sharing.precheck(a.id(), true, "材料齐全，用途明确"));
                as(pair[1] + "_reviewer", () -> sharing.approve(a.id(), scoped(r.get(), a)));
                grants++;
            }
        }
        // waiting for the authority's pre-check (due in 2 working days)
        resource("scjg", ShareType.CONDITIONAL).ifPresent(r -> apply("gaj", r, items(r, 4),
            "核查涉案企业登记信息", false));
        // in the provider's review
        resource("rsj", ShareType.CONDITIONAL).ifPresent(r -> {
            ApplicationView a = apply("spj", r, items(r, 5), "一窗受理时核验参保信息", false);
            as("admin", () -> sharing.precheck(a.id(), true, null));
        });
        // refused with a reason, then disputed: waiting for the authority's decision
        resource("gaj", ShareType.CONDITIONAL).ifPresent(r -> {
            ApplicationView a = apply("rsj", r, items(r, 5), "核验参保人员户籍信息", false);
            as("admin", () -> sharing.precheck(a.id(), true, null));
            as("gaj_reviewer", () -> sharing.refuse(a.id(), "申请用途超出共享条件所列范围，请缩小信息项后重新申请"));
            as("rsj_steward", () -> sharing.dispute(a.id(), "参保登记核验户籍信息属于《社会保险法》规定的法定职责，请求裁决"));
        });
        // not shared: the authority is asked to coordinate
        notShared().ifPresent(r -> apply("scjg", r, items(r, 3), "企业信用监管需要相关信息，请求协调共享", true));
        return new Outcome(used.size(), grants);
    }

    private ApplicationView apply(String consumer, ResourceView r, List<String> items, String purpose,
                                  boolean coordination) {
        String user = applicant(consumer);
        UUID client = as(user, () -> sharing.clientsToApplyWith().stream().map(ClientApplicationView::id).findFirst()
            .orElseThrow());
        ApplicationDraft draft = new ApplicationDraft(r.id(), items, client, PURPOSE_PREFIX + purpose,
            "《政务数据共享条例》；本部门“三定”规定所列职责", "政务服务与监管业务办理", today,
            today.plusYears(1).minusDays(1), 2000, CALL_PURPOSES.get(consumer));
        used.add(r.id());
        return as(user, () -> coordination ? sharing.requestCoordination(draft) : sharing.apply(draft));
    }

    /** Fewer items than asked, only the district's records, masks on personal data. */
    private static Approval scoped(ResourceView r, ApplicationView a) {
        List<String> granted = a.items().size() > 2 ? a.items().subList(0, a.items().size() - 1) : a.items();
        DataItemView area = r.dataItems().stream().filter(DemoSharing::areaItem).findFirst().orElse(null);
        RowFilter filter = area == null
            ? new RowFilter(granted.get(0), FilterOp.PREFIX, List.of("9151" + DemoDistrict.AREA.substring(0, 2)))
            : area.name().equals("所属街道")
            ? new RowFilter(area.codeName(), FilterOp.IN, List.of("龙泉街道", "大面街道", "十陵街道"))
            : new RowFilter(area.codeName(), FilterOp.PREFIX, List.of(DemoDistrict.AREA));
        Map<String, Mask> masks = new java.util.LinkedHashMap<>();
        for (DataItemView i : r.dataItems()) {
            if (granted.contains(i.codeName()) && i.sensitivity() == Sensitivity.SENSITIVE) {
                masks.put(i.codeName(), i.key() ? new Mask(MaskType.SHOW_FIRST, 6) : new Mask(MaskType.SHOW_LAST, 4));
            }
        }
        if (masks.isEmpty()) {
            masks.put(granted.get(granted.size() - 1), Mask.of(MaskType.HASH));
        }
        return new Approval(granted, today().plusMonths(6), List.of(filter), 1000, masks, "限本区范围，个人信息脱敏");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** Up to n items, personal ones first so masks show. */
    private static List<String> items(ResourceView r, int n) {
        List<String> items = new ArrayList<>();
        r.dataItems().stream().filter(i -> i.key()).forEach(i -> items.add(i.codeName()));
        r.dataItems().stream().filter(i -> !i.key() && i.sensitivity() == Sensitivity.SENSITIVE)
            .forEach(i -> items.add(i.codeName()));
        r.dataItems().stream().filter(i -> !items.contains(i.codeName())).forEach(i -> items.add(i.codeName()));
        List<String> chosen = new ArrayList<>(items.subList(0, Math.min(n, items.size())));
        r.dataItems().stream().filter(DemoSharing::areaItem).map(DataItemView::codeName)
            .filter(c -> !chosen.contains(c)).findFirst().ifPresent(chosen::add);
        return chosen;
    }

    /** An item a row scope can keep to the district: its area code or street. */
    private static boolean areaItem(DataItemView i) {
        return i.name().equals("行政区划代码") || i.name().equals("所属街道");
    }

    /** A published resource of the provider with that share type, not used by another demo application. */
    private Optional<ResourceView> resource(String provider, ShareType type) {
        return catalog.publishedResources(departments.get(provider), null).stream()
            .filter(p -> !used.contains(p.id()))
            .map(p -> catalog.published(p.id()).orElse(null))
            .filter(r -> r != null && r.shareType() == type)
            .findFirst();
    }

    private Optional<ResourceView> notShared() {
        return catalog.publishedResources(null, null).stream()
            .filter(p -> !p.providerId().equals(departments.get("scjg")))
            .map(p -> catalog.published(p.id()).orElse(null))
            .filter(r -> r != null && r.shareType() == ShareType.NOT_SHARED)
            .findFirst();
    }

    /** The department's applicant: its data steward, else its administrator. */
    private String applicant(String department) {
        return users.containsKey(department + "_steward") ? department + "_steward" : department + "_admin";
    }

    private <T> T as(String username, Supplier<T> work) {
        Actor actor = users.get(username);
        if (actor == null) {
            throw new IllegalStateException("no demo user " + username);
        }
        return CurrentActor.runAs(actor, work);
    }
}
