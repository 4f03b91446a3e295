package org.govshare.catalog.bench;

import java.util.List;

/**
 * Word lists for a realistic generated catalog: what departments of a Chinese district record
 * (subjects, with the data items such records carry) and what people look for in it.
 */
final class CatalogData {

    private CatalogData() {
    }

    /** A department's line of work: which organization (by a part of its name), classifications, subjects, item groups. */
    record Theme(String department, List<String> classifications, List<String> subjects, List<String> groups) {
    }

    static final List<Theme> THEMES = List.of(
        new Theme("市场监督", List.of("303001", "303002", "102001", "204"), List.of("企业登记", "个体工商户登记", "营业执照",
            "食品经营许可", "食品生产许可", "药品经营许可", "特种设备登记", "行政处罚", "双随机抽查", "企业年度报告", "商标注册",
            "产品质量抽检", "计量器具检定", "广告监测", "企业经营异常名录", "市场主体信用"), List.of("enterprise", "licence", "penalty")),
        new Theme("人力资源", List.of("305001", "305002", "203"), List.of("社会保险参保登记", "养老保险缴费", "工伤保险认定",
            "失业保险金发放", "就业登记", "失业登记", "职业技能培训", "劳动合同备案", "劳动保障监察", "人才引进", "职业资格证书"),
            List.of("person", "insurance", "employment")),
        new Theme("公安", List.of("304", "101001", "101002", "101003"), List.of("户籍人口", "流动人口居住登记", "出生登记",
            "死亡注销", "居民身份证办理", "机动车登记", "驾驶人", "交通违法处理", "治安管理处罚", "出入境证件"),
            List.of("person", "traffic", "penalty")),
        new Theme("民政", List.of("306", "102003", "210"), List.of("婚姻登记", "最低生活保障对象", "特困供养人员", "养老机构",
            "社会组织登记", "殡葬服务", "残疾人两项补贴", "临时救助", "地名地址"), List.of("person", "enterprise")),
        new Theme("卫生健康", List.of("307", "202"), List.of("医疗机构执业许可", "医师执业注册", "护士执业注册", "出生医学证明",
            "预防接种", "传染病报告", "公共场所卫生许可", "家庭医生签约"), List.of("health", "person", "licence")),
        new Theme("住房建设", List.of("309", "309001", "209"), List.of("建设工程施工许可", "建筑业企业资质", "竣工验收备案",
            "商品房预售许可", "房屋网签备案", "物业服务企业", "住房保障", "建筑工地扬尘监测"),
            List.of("construction", "enterprise", "licence")),
        new Theme("规划和自然资源", List.of("310", "103001", "103002"), List.of("建设工程规划许可", "建设用地规划许可",
            "不动产登记", "国有土地使用权出让", "土地利用现状", "地质灾害隐患点"), List.of("property", "construction")),
        new Theme("生态环境", List.of("311", "211"), List.of("排污许可", "环境影响评价审批", "环境质量监测", "环境行政处罚",
            "危险废物经营许可", "重点排污单位"), List.of("environment", "enterprise", "penalty")),
        new Theme("教育", List.of("308"), List.of("学校基本信息", "学生学籍", "教师资格认定", "民办学校办学许可",
            "校外培训机构", "学生资助"), List.of("education", "person")),
        new Theme("税务", List.of("312"), List.of("纳税人登记", "税款征收", "发票领用", "欠税公告", "纳税信用等级",
            "税务行政处罚"), List.of("tax", "enterprise")),
        new Theme("公共资源交易", List.of("313", "313001", "313002"), List.of("工程建设项目招标公告", "中标候选人公示",
            "中标结果公告", "政府采购合同", "投标人", "评标专家", "开标记录", "投标保证金"), List.of("trading", "enterprise")),
        new Theme("行政审批", List.of("314", "201", "105001", "105002"), List.of("政务服务事项", "办件", "电子证照",
            "政务服务好差评", "一件事一次办"), List.of("licence", "person", "enterprise")),
        new Theme("医疗保障", List.of("203", "305001"), List.of("医疗保险参保", "医保费用结算", "定点医药机构", "医保基金监管"),
            List.of("insurance", "health", "person")),
        new Theme("应急管理", List.of("316", "205", "212"), List.of("安全生产许可", "危险化学品经营许可", "应急物资储备",
            "生产安全事故", "应急预案备案"), List.of("enterprise", "licence", "penalty")),
        new Theme("农业农村", List.of("315"), List.of("农村土地承包经营权", "耕地地力保护补贴", "动物防疫", "农产品质量检测",
            "家庭农场"), List.of("property", "person")),
        new Theme("司法", List.of("317"), List.of("法律援助", "人民调解", "社区矫正对象", "律师执业", "公证"), List.of("person")),
        new Theme("统计", List.of("318"), List.of("统计调查单位名录", "规模以上工业企业", "统计年报"), List.of("enterprise")),
        new Theme("财政", List.of("312", "302"), List.of("财政预算", "国库集中支付", "政府债务", "非税收入"), List.of("tax")),
        new Theme("发展和改革", List.of("302", "207", "206"), List.of("固定资产投资项目备案", "重点项目", "价格监测"),
            List.of("construction")),
        new Theme("水务", List.of("301", "211"), List.of("取水许可", "河道采砂许可", "供水用户"), List.of("licence", "environment")),
        new Theme("城市管理", List.of("210", "301"), List.of("城市管理案件", "户外广告设置许可", "占道经营处罚"),
            List.of("penalty", "licence")));

    static final java.util.Map<String, List<String>> ITEMS = java.util.Map.ofEntries(
        java.util.Map.entry("enterprise", List.of("统一社会信用代码", "企业名称", "法定代表人", "企业法定代表人",
            "法定代表人身份证件号码", "注册资本", "成立日期", "营业期限", "登记机关", "经营范围", "住所", "企业类型", "登记状态",
            "联系电话", "核准日期")),
        java.util.Map.entry("person", List.of("姓名", "公民身份号码", "性别", "民族", "出生日期", "户籍地址", "现居住地址",
            "联系电话", "文化程度", "婚姻状况", "户号", "与户主关系")),
        java.util.Map.entry("licence", List.of("证照编号", "证照名称", "持证主体", "持证主体代码", "发证机关", "发证日期",
            "有效期起始日期", "有效期截止日期", "许可事项", "许可范围", "证照状态", "许可证编号")),
        java.util.Map.entry("penalty", List.of("处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
            "罚款金额", "处罚决定日期", "处罚机关", "当事人名称")),
        java.util.Map.entry("insurance", List.of("参保单位编号", "个人社保编号", "险种类型", "参保状态", "参保日期", "缴费基数",
            "缴费月份", "单位缴费金额", "个人缴费金额", "待遇类型", "待遇金额")),
        java.util.Map.entry("employment", List.of("就业登记日期", "用工单位名称", "岗位名称", "劳动合同起始日期",
            "劳动合同终止日期", "失业登记日期", "培训项目", "职业资格证书编号")),
        java.util.Map.entry("health", List.of("医疗机构名称", "医疗机构登记号", "执业地点", "诊疗科目", "床位数", "医师姓名",
            "执业类别", "执业范围", "疫苗名称", "接种日期", "接种单位")),
        java.util.Map.entry("construction", List.of("项目名称", "项目代码", "建设单位", "施工单位", "监理单位", "设计单位",
            "建设地址", "建筑面积", "合同价格", "开工日期", "竣工日期", "施工许可证编号")),
        java.util.Map.entry("trading", List.of("招标项目编号", "招标项目名称", "招标人", "招标代理机构", "投标人名称", "中标人",
            "中标金额", "开标时间", "评标办法", "采购方式", "合同金额")),
        java.util.Map.entry("environment", List.of("排污单位名称", "排污许可证编号", "行业类别", "污染物种类", "排放口编号",
            "排放浓度", "排放限值", "监测时间", "环评批复文号")),
        java.util.Map.entry("education", List.of("学校名称", "学校标识码", "办学类型", "学生姓名", "学籍号", "年级", "班级",
            "入学日期", "教师资格证号")),
        java.util.Map.entry("traffic", List.of("号牌号码", "号牌种类", "车辆类型", "车辆品牌", "车身颜色", "发动机号",
            "车辆识别代号", "驾驶证号", "准驾车型", "违法时间", "违法地点")),
        java.util.Map.entry("tax", List.of("纳税人识别号", "纳税人名称", "税款所属期", "征收项目", "应纳税额", "已缴税额",
            "发票代码", "发票号码", "纳税信用等级")),
        java.util.Map.entry("property", List.of("不动产单元号", "不动产权证书号", "权利人", "坐落", "宗地面积", "房屋面积",
            "规划用途", "权利性质", "登记时间", "土地用途")),
        java.util.Map.entry("generic", List.of("数据更新时间", "备注", "经办人", "经办机构", "办理日期", "业务流水号", "所属街道",
            "行政区划代码", "审核状态", "数据来源")));

    static final List<String> SUFFIXES = List.of("信息", "信息", "信息", "数据", "目录", "台账", "明细", "名录", "记录",
        "统计表", "信息表");
    static final List<String> PREFIXES = List.of("", "", "", "", "龙泉驿区", "全区", "年度", "街道", "历年");
    static final List<String> PURPOSES = List.of("行政审批和事中事后监管", "一网通办和证明材料免提交", "社会信用体系建设",
        "跨部门协同监管", "公共服务精准推送", "统计分析和领导决策", "基层治理和社区服务");

    /** What people type: subjects, item names, and pairs of words. */
    static final List<String> KEYWORDS = List.of("企业", "营业执照", "统一社会信用代码", "法定代表人", "食品经营许可",
        "行政处罚", "社会保险", "养老保险 缴费", "失业登记", "户籍", "流动人口", "出生", "婚姻登记", "低保", "养老机构",
        "医疗机构", "医师", "预防接种", "施工许可", "竣工验收", "不动产登记", "土地", "排污许可", "环境影响评价", "学校",
        "学籍", "纳税人", "发票", "招标", "中标", "政府采购", "投标人", "电子证照", "办件", "医保 结算", "安全生产",
        "危险化学品", "补贴", "法律援助", "统计", "财政预算", "公民身份号码", "身份证", "机动车", "驾驶证", "违法", "许可证编号",
        "联系电话", "地址", "项目 建设单位", "参保", "缴费基数", "证照", "中标金额", "排放浓度", "税务 登记", "企业 年度报告",
        "个体工商户", "特种设备", "商品房", "物业", "残疾人", "社会组织", "公共场所 卫生", "环境监测", "危险废物", "教师资格",
        "信用", "抽检", "市场主体", "工伤", "就业", "证书", "处罚决定书", "注册资本", "经营范围", "权利人", "坐落", "疫苗",
        "床位数", "招标代理机构", "车辆识别代号", "纳税信用等级");

    /** Item names people ask about in the data-item search. */
    static final List<String> ITEM_KEYWORDS = List.of("统一社会信用代码", "公民身份号码", "法定代表人", "联系电话", "缴费基数",
        "许可证编号", "不动产单元号", "中标金额", "排放浓度", "学籍号", "号牌号码", "纳税人识别号");
}
