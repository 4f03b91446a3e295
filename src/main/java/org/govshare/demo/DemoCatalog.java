package org.govshare.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.demo.DemoCatalogData.Kind;
import org.govshare.demo.DemoCatalogData.Subject;
import org.govshare.platform.CodeNames;

/**
 * The demo district's catalog: about 330 resources of 26 departments, 8 to 40 data items each, in
 * every lifecycle state, registered and reviewed through the catalog's own API.
 */
final class DemoCatalog {

    private static final String CONDITION = "仅用于本部门法定职责范围内的行政审批、监管执法和公共服务，不得转交第三方";
    private static final String LEGAL_BASIS = "《中华人民共和国保守国家秘密法》第三十条；《中华人民共和国个人信息保护法》第三十四条";

    private final CatalogManagement catalog;
    private final Map<String, UUID> departments;
    /** Resources that have a published version when loading is done (records can be loaded into them). */
    private final List<UUID> published = new ArrayList<>();

    DemoCatalog(CatalogManagement catalog, Map<String, UUID> departments) {
        this.catalog = catalog;
        this.departments = departments;
    }

    int load() {
        int i = 0;
        for (DemoCatalogData.DepartmentCatalog dept : DemoCatalogData.CATALOGS) {
            UUID provider = departments.get(dept.key());
            for (Subject s : dept.subjects()) {
                lifecycle(i++, catalog.register(provider, draft(dept.key(), s, s.name(), s.kind(), i)));
                Subject variant = variant(s);
                if (variant != null) {
                    lifecycle(i++, catalog.register(provider, draft(dept.key(), variant, variant.name(), variant.kind(), i)));
                }
            }
        }
        return i;
    }

    List<UUID> published() {
        return published;
    }

    /** Licences also have their cancellations, cases their statistics, registers their changes. */
    private static Subject variant(Subject s) {
        String base = s.name().endsWith("信息") ? s.name().substring(0, s.name().length() - 2) : s.name();
        return switch (s.kind()) {
            case LICENCE -> new Subject(base + "注销信息", s.classification(), Kind.LICENCE, "注销日期", "注销原因");
            case CASE -> new Subject(base + "统计信息", s.classification(), Kind.STATISTIC, "案件数", "办结数", "办结率");
            case ENTERPRISE, PERSON, PROJECT -> s.classification().startsWith("101") ? null
                : new Subject(base + "变更信息", s.classification(), s.kind(), "变更事项", "变更前内容", "变更后内容", "变更日期");
            default -> null;
        };
    }

    /** Spreads the resources over every state the lifecycle has. */
    private void lifecycle(int i, ResourceView r) {
        switch (i % 25) {
            case 0 -> { }
            case 1 -> {
                catalog.submit(r.id());
                catalog.returnForRevision(r.id(), "请补充资源摘要中的数据范围和统计口径，并核对信息项的数据类型");
            }
            case 2 -> catalog.submit(r.id());
            default -> {
                catalog.submit(r.id());
                ResourceView approved = catalog.approve(r.id(), "符合编目要求");
                if (i % 25 != 6) {
                    published.add(approved.id());
                }
                changes(i, approved);
            }
        }
    }

    private void changes(int i, ResourceView published) {
        switch (i % 25) {
            case 3 -> catalog.startChange(published.id());
            case 4, 5 -> {
                ResourceView change = catalog.startChange(published.id());
                List<DataItemDraft> items = new ArrayList<>(drafts(change));
                items.add(new DataItemDraft("数据共享标识", "sjgxbs", DataType.STRING, 32, "共享交换时使用的记录标识",
                    Sensitivity.INTERNAL, null, null, null, null, null, false));
                ResourceView edited = catalog.edit(change.id(), change.version(), withItems(change, items));
                catalog.submit(edited.id());
                if (i % 25 == 5) {
                    catalog.approve(edited.id(), "同意增加共享标识");
                }
            }
            case 6 -> catalog.withdraw(published.id(), "部门职能调整，该资源已划转");
            default -> { }
        }
    }

    private ResourceDraft draft(String dept, Subject s, String name, Kind kind, int seed) {
        boolean basic = s.classification().startsWith("101") || s.classification().startsWith("102")
            || s.classification().startsWith("103") || s.classification().startsWith("105");
        ShareType share = basic ? ShareType.UNCONDITIONAL
            : name.contains("涉密") || seed % 31 == 0 ? ShareType.NOT_SHARED
            : seed % 3 == 0 ? ShareType.UNCONDITIONAL : ShareType.CONDITIONAL;
        OpenType open = share == ShareType.NOT_SHARED ? OpenType.NOT_OPEN
            : kind == Kind.TENDER || kind == Kind.STATISTIC ? OpenType.OPEN
            : kind == Kind.LICENCE && seed % 2 == 0 ? OpenType.CONDITIONAL : OpenType.NOT_OPEN;
        return new ResourceDraft(s.classification(), name,
            "记录龙泉驿区" + name.replace("信息", "") + "的基本情况和办理结果，由" + "本部门业务系统产生，" + cycleText(kind) + "更新。",
            kind == Kind.STATISTIC ? ResourceFormat.FILE_XLSX : seed % 7 == 0 ? ResourceFormat.API : ResourceFormat.DATABASE,
            share, share == ShareType.CONDITIONAL ? CONDITION : null, ShareMode.PLATFORM, open,
            open == OpenType.CONDITIONAL ? "向社会公开时隐去持证主体联系方式" : null, cycle(kind), null, List.of(),
            share == ShareType.NOT_SHARED ? LEGAL_BASIS : null, keywords(name), items(dept, s, kind, seed));
    }

    private List<DataItemDraft> items(String dept, Subject s, Kind kind, int seed) {
        int target = 8 + Math.floorMod(s.name().hashCode() * 31 + seed, 32);
        Map<String, DataItemDraft> items = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (BaseItem b : base(kind)) {
            add(items, codes, b.name(), b.type(), b.length(), b.sensitivity(), b.key(), authority(dept, b.name()));
        }
        for (String name : s.items()) {
            add(items, codes, name, typeOf(name), lengthOf(name), Sensitivity.INTERNAL, false, null);
        }
        for (String name : FILLER) {
            if (items.size() >= target) {
                break;
            }
            add(items, codes, name, typeOf(name), lengthOf(name), Sensitivity.INTERNAL, false, null);
        }
        return new ArrayList<>(items.values());
    }

    private void add(Map<String, DataItemDraft> items, Set<String> codes, String name, DataType type, Integer length,
                     Sensitivity sensitivity, boolean key, UUID authoritative) {
        if (items.containsKey(name)) {
            return;
        }
        String code = CodeNames.suggest(name);
        String unique = code;
        for (int n = 2; !codes.add(unique); n++) {
            unique = code + "_" + n;
        }
        items.put(name, new DataItemDraft(name, unique, type, length, null, sensitivity, null, null, null, null,
            authoritative, key));
    }

    /** 一数一源: the registering department is the authoritative source of its own base items. */
    private UUID authority(String dept, String item) {
        if (item.equals("统一社会信用代码") && dept.equals("scjg")) {
            return departments.get("scjg");
        }
        if (item.equals("公民身份号码") && (dept.equals("gaj") || dept.equals("rsj"))) {
            // the human resources bureau also claims it: a conflict for the authority to settle
            return departments.get(dept);
        }
        return null;
    }

    record BaseItem(String name, DataType type, Integer length, Sensitivity sensitivity, boolean key) {
    }

    private static List<BaseItem> base(Kind kind) {
        return switch (kind) {
            case ENTERPRISE -> List.of(item("统一社会信用代码", 18, true), item("企业名称", 200), item("法定代表人", 50),
                item("注册地址", 200), date("成立日期"), item("登记机关", 100), item("所属行业", 100),
                sensitive("联系电话", 30));
            case PERSON -> List.of(new BaseItem("公民身份号码", DataType.STRING, 18, Sensitivity.SENSITIVE, true),
                sensitive("姓名", 50), item("性别", 2), date("出生日期"), item("民族", 20), sensitive("户籍地址", 200),
                sensitive("现住址", 200), sensitive("联系电话", 30));
            case LICENCE -> List.of(item("证照编号", 50, true), item("证照名称", 100), item("持证主体", 200),
                item("持证主体代码", 18), item("发证机关", 100), date("发证日期"), date("有效期起"), date("有效期止"),
                item("证照状态", 10));
            case PROJECT -> List.of(item("项目编号", 50, true), item("项目名称", 200), item("建设单位", 200),
                item("建设单位统一社会信用代码", 18), item("建设地点", 200), money("总投资"), date("开工日期"), date("竣工日期"));
            case TENDER -> List.of(item("交易编号", 50, true), item("项目名称", 200), item("招标人", 200),
                item("招标代理机构", 200), item("标段名称", 200), money("交易金额"), date("公告日期"));
            case FACILITY -> List.of(item("编号", 50, true), item("名称", 200), item("所在街道", 50), item("地址", 200),
                decimal("经度"), decimal("纬度"), item("管理单位", 200), sensitive("联系电话", 30));
            case CASE -> List.of(item("案件编号", 50, true), item("当事人名称", 200),
                new BaseItem("当事人证件号码", DataType.STRING, 18, Sensitivity.SENSITIVE, false), item("案由", 500),
                date("立案日期"), item("办理机关", 100), item("办理状态", 20));
            case STATISTIC -> List.of(item("统计期", 20, true), item("统计口径", 200), item("行政区划代码", 12),
                decimal("指标值"), item("计量单位", 20), item("数据来源", 100));
        };
    }

    private static BaseItem item(String name, int length) {
        return item(name, length, false);
    }

    private static BaseItem item(String name, int length, boolean key) {
        return new BaseItem(name, DataType.STRING, length, Sensitivity.INTERNAL, key);
    }

    private static BaseItem sensitive(String name, int length) {
        return new BaseItem(name, DataType.STRING, length, Sensitivity.SENSITIVE, false);
    }

    private static BaseItem date(String name) {
        return new BaseItem(name, DataType.DATE, null, Sensitivity.INTERNAL, false);
    }

    private static BaseItem money(String name) {
        return new BaseItem(name, DataType.DECIMAL, 18, Sensitivity.INTERNAL, false);
    }

    private static BaseItem decimal(String name) {
        return new BaseItem(name, DataType.DECIMAL, 12, Sensitivity.PUBLIC, false);
    }

    private static final List<String> FILLER = List.of("所属街道", "行政区划代码", "经办人", "经办日期", "审核人", "审核日期",
        "批准文号", "办理依据", "业务流水号", "信息状态", "数据来源部门", "联系人", "电子邮箱", "邮政编码", "附件材料",
        "备注", "创建时间", "更新时间", "数据更新时间", "归档日期", "归档编号", "是否有效", "登记人", "登记日期", "复核人",
        "复核日期", "处理意见", "信息公开属性", "关联业务编号", "数据校验结果", "数据版本号", "同步时间");

    private static DataType typeOf(String name) {
        if (name.endsWith("时间")) {
            return DataType.DATETIME;
        }
        if (name.endsWith("日期") || name.endsWith("期限至") || name.endsWith("期限自")) {
            return DataType.DATE;
        }
        if (name.endsWith("金额") || name.endsWith("价格") || name.endsWith("价款") || name.endsWith("总价")
            || name.endsWith("面积") || name.endsWith("浓度") || name.endsWith("指数") || name.endsWith("率")
            || name.endsWith("总值") || name.endsWith("基数") || name.endsWith("资本") || name.endsWith("投资")) {
            return DataType.DECIMAL;
        }
        if (name.endsWith("数") || name.endsWith("人数") || name.endsWith("数量") || name.equals("AQI")) {
            return DataType.INTEGER;
        }
        if (name.startsWith("是否")) {
            return DataType.BOOLEAN;
        }
        return DataType.STRING;
    }

    private static Integer lengthOf(String name) {
        DataType t = typeOf(name);
        if (t == DataType.STRING) {
            return name.contains("内容") || name.contains("范围") || name.contains("意见") ? 1000 : 200;
        }
        return t == DataType.DECIMAL ? Integer.valueOf(18) : null;
    }

    private static UpdateCycle cycle(Kind kind) {
        return switch (kind) {
            case ENTERPRISE, LICENCE, TENDER -> UpdateCycle.REAL_TIME;
            case PERSON, CASE -> UpdateCycle.DAILY;
            case PROJECT -> UpdateCycle.WEEKLY;
            case FACILITY -> UpdateCycle.QUARTERLY;
            case STATISTIC -> UpdateCycle.MONTHLY;
        };
    }

    private static String cycleText(Kind kind) {
        return switch (cycle(kind)) {
            case REAL_TIME -> "实时";
            case DAILY -> "每日";
            case WEEKLY -> "每周";
            case QUARTERLY -> "每季度";
            default -> "每月";
        };
    }

    private static String keywords(String name) {
        return name.replace("信息", "").replace("名录", "");
    }

    private static List<DataItemDraft> drafts(ResourceView r) {
        return r.dataItems().stream().map(i -> new DataItemDraft(i.name(), i.codeName(), i.dataType(), i.length(),
            i.description(), i.sensitivity(), i.shareType(), i.shareCondition(), i.legalBasis(), i.standardName(),
            i.authoritativeSourceId(), i.key())).toList();
    }

    private static ResourceDraft withItems(ResourceView r, List<DataItemDraft> items) {
        return new ResourceDraft(r.classificationCode(), r.name(), r.summary(), r.format(), r.shareType(),
            r.shareCondition(), r.shareMode(), r.openType(), r.openCondition(), r.updateCycle(), r.releaseDate(),
            r.relatedResourceCodes(), r.legalBasis(), r.keywords(), items);
    }
}
