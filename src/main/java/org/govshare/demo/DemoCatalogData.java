package org.govshare.demo;

import java.util.List;

/**
 * What each demo department catalogues: subjects of its duties with the classification they sit
 * under and the kind of records they hold. Names follow the usual wording of Sichuan catalogs.
 */
final class DemoCatalogData {

    private DemoCatalogData() {
    }

    /** The kind of records decides the identifying data items a resource starts with. */
    enum Kind { ENTERPRISE, PERSON, LICENCE, PROJECT, TENDER, FACILITY, CASE, STATISTIC }

    record Subject(String name, String classification, Kind kind, String... items) {
    }

    record DepartmentCatalog(String key, List<Subject> subjects) {
    }

    static final List<DepartmentCatalog> CATALOGS = List.of(
        new DepartmentCatalog("scjg", List.of(
            new Subject("市场主体登记信息", "102001", Kind.ENTERPRISE, "注册资本", "经营范围", "企业类型", "登记状态", "核准日期"),
            new Subject("营业执照信息", "105002", Kind.LICENCE, "注册资本", "经营范围", "营业期限自", "营业期限至"),
            new Subject("食品经营许可信息", "303002", Kind.LICENCE, "经营项目", "经营场所", "主体业态", "日常监督管理机构"),
            new Subject("药品经营许可信息", "303002", Kind.LICENCE, "经营方式", "经营范围", "质量负责人", "仓库地址"),
            new Subject("特种设备使用登记信息", "303002", Kind.FACILITY, "设备类别", "设备品种", "使用单位", "检验日期", "下次检验日期"),
            new Subject("企业年度报告信息", "102001", Kind.ENTERPRISE, "报告年度", "从业人数", "资产总额", "营业总收入", "纳税总额"),
            new Subject("市场监管行政处罚信息", "303002", Kind.CASE, "违法行为类型", "处罚依据", "处罚种类", "罚没金额"),
            new Subject("经营异常名录信息", "104", Kind.ENTERPRISE, "列入原因", "列入日期", "作出决定机关", "移出原因"),
            new Subject("产品质量监督抽查信息", "303002", Kind.CASE, "产品名称", "规格型号", "抽查结果", "不合格项目"),
            new Subject("消费投诉举报信息", "303", Kind.CASE, "投诉类别", "涉及金额", "处理结果", "办结日期"),
            new Subject("个体工商户登记信息", "102001", Kind.ENTERPRISE, "组成形式", "经营场所", "资金数额"),
            new Subject("广告监测信息", "303", Kind.CASE, "广告类别", "发布媒介", "监测结论"))),
        new DepartmentCatalog("rsj", List.of(
            new Subject("参保单位登记信息", "305001", Kind.ENTERPRISE, "单位类型", "参保险种", "参保日期", "缴费状态"),
            new Subject("职工养老保险参保信息", "203", Kind.PERSON, "参保状态", "缴费基数", "累计缴费月数", "首次参保日期"),
            new Subject("失业保险待遇发放信息", "305001", Kind.PERSON, "待遇类别", "发放金额", "发放月份", "领取期限"),
            new Subject("工伤认定信息", "305001", Kind.CASE, "受伤部位", "事故发生日期", "认定结论", "伤残等级"),
            new Subject("就业登记信息", "305002", Kind.PERSON, "就业形式", "用工单位", "就业日期", "劳动合同期限"),
            new Subject("失业登记信息", "305002", Kind.PERSON, "失业原因", "失业登记日期", "就业困难人员类别"),
            new Subject("职业技能等级证书信息", "105002", Kind.LICENCE, "职业名称", "技能等级", "评价机构"),
            new Subject("劳动保障监察案件信息", "305", Kind.CASE, "案件类型", "涉及人数", "追发工资金额"),
            new Subject("人才引进落户信息", "305002", Kind.PERSON, "学历", "专业", "引进类别", "落户日期"),
            new Subject("创业担保贷款信息", "305002", Kind.PERSON, "贷款金额", "贷款期限", "贴息金额"),
            new Subject("社会保障卡信息", "203", Kind.PERSON, "社保卡号", "发卡日期", "卡状态"),
            new Subject("劳动人事争议仲裁信息", "305", Kind.CASE, "争议类型", "仲裁请求", "裁决结果"))),
        new DepartmentCatalog("gaj", List.of(
            new Subject("户籍人口基本信息", "101001", Kind.PERSON, "户号", "户主姓名", "与户主关系", "迁入日期"),
            new Subject("流动人口居住登记信息", "101002", Kind.PERSON, "居住事由", "居住地址", "登记日期", "居住证号码"),
            new Subject("出生登记信息", "101003", Kind.PERSON, "出生地", "出生医学证明编号", "监护人姓名"),
            new Subject("死亡注销信息", "101003", Kind.PERSON, "死亡日期", "注销日期", "注销原因"),
            new Subject("机动车登记信息", "304", Kind.FACILITY, "号牌号码", "车辆类型", "车辆品牌", "初次登记日期", "使用性质"),
            new Subject("机动车驾驶证信息", "105002", Kind.LICENCE, "准驾车型", "初次领证日期", "累积记分"),
            new Subject("道路交通事故信息", "304", Kind.CASE, "事故地点", "事故类型", "伤亡人数", "责任认定"),
            new Subject("居民身份证签发信息", "105002", Kind.LICENCE, "签发机关", "有效期限"),
            new Subject("旅馆业住宿登记信息", "304", Kind.PERSON, "旅馆名称", "入住时间", "退房时间", "房间号"),
            new Subject("治安管理处罚信息", "304", Kind.CASE, "违法行为", "处罚结果", "执行情况"),
            new Subject("涉密人员管理信息", "304", Kind.PERSON, "涉密等级", "岗位", "审查结论"),
            new Subject("标准地址信息", "103002", Kind.FACILITY, "街路巷", "门牌号", "楼栋号", "经度", "纬度"))),
        new DepartmentCatalog("spj", List.of(
            new Subject("政务服务事项清单", "314", Kind.STATISTIC, "事项类型", "办理时限", "承诺时限", "是否收费", "办理地点"),
            new Subject("一窗受理办件信息", "201", Kind.CASE, "申请事项", "申请人类型", "受理日期", "办结日期", "办理结果"),
            new Subject("投资项目审批信息", "314", Kind.PROJECT, "项目代码", "审批事项", "审批结果", "批复文号"),
            new Subject("政务服务好差评信息", "201", Kind.CASE, "评价渠道", "评价等级", "评价内容", "整改情况"),
            new Subject("告知承诺制审批信息", "314", Kind.CASE, "承诺事项", "承诺内容", "核查结果"),
            new Subject("电子证照目录", "105001", Kind.LICENCE, "证照类型代码", "证照类型名称", "颁发部门", "持证主体类型"),
            new Subject("帮办代办服务信息", "201", Kind.CASE, "服务事项", "代办员", "服务日期"),
            new Subject("企业开办一件事办件信息", "201", Kind.ENTERPRISE, "申办环节", "办理时长", "印章刻制情况"))),
        new DepartmentCatalog("fgj", List.of(
            new Subject("固定资产投资项目备案信息", "302", Kind.PROJECT, "备案编号", "项目类型", "建设性质", "总投资"),
            new Subject("重点项目建设进度信息", "302", Kind.PROJECT, "年度计划投资", "完成投资", "形象进度"),
            new Subject("价格监测信息", "206", Kind.STATISTIC, "商品名称", "规格等级", "监测价格", "监测日期"),
            new Subject("社会信用承诺信息", "208", Kind.ENTERPRISE, "承诺类型", "承诺事项", "履约状态"),
            new Subject("公共信用综合评价信息", "104", Kind.ENTERPRISE, "评价等级", "评价分值", "评价日期"),
            new Subject("粮食储备信息", "302", Kind.FACILITY, "库点名称", "粮食品种", "储备数量", "入库日期"),
            new Subject("企业投资项目核准信息", "302", Kind.PROJECT, "核准文号", "核准机关", "核准日期"),
            new Subject("节能审查信息", "207", Kind.PROJECT, "年综合能耗", "审查意见", "能效水平"))),
        new DepartmentCatalog("mzj", List.of(
            new Subject("城乡低保对象信息", "203", Kind.PERSON, "保障类别", "保障人数", "月保障金额", "享受起始日期"),
            new Subject("特困人员供养信息", "203", Kind.PERSON, "供养方式", "供养机构", "生活自理能力"),
            new Subject("婚姻登记信息", "306", Kind.PERSON, "登记类型", "登记日期", "登记机关", "结婚证字号"),
            new Subject("社会组织登记信息", "102003", Kind.ENTERPRISE, "组织类型", "业务主管单位", "活动地域", "年检结论"),
            new Subject("养老机构信息", "306", Kind.FACILITY, "床位数", "收住人数", "机构性质", "等级评定"),
            new Subject("残疾人两项补贴信息", "203", Kind.PERSON, "残疾类别", "残疾等级", "补贴类型", "补贴金额"),
            new Subject("殡葬服务信息", "306", Kind.PERSON, "火化日期", "殡仪馆", "骨灰去向"),
            new Subject("临时救助信息", "203", Kind.PERSON, "救助事由", "救助金额", "救助日期"),
            new Subject("地名信息", "103002", Kind.FACILITY, "地名类别", "地名含义", "命名日期"),
            new Subject("社区基本信息", "210", Kind.FACILITY, "所属街道", "户数", "人口数", "网格数"))),
        new DepartmentCatalog("wjj", List.of(
            new Subject("医疗机构执业许可信息", "307", Kind.LICENCE, "机构类别", "诊疗科目", "床位数", "执业地址"),
            new Subject("医师执业注册信息", "307", Kind.PERSON, "执业类别", "执业范围", "执业机构", "注册日期"),
            new Subject("出生医学证明信息", "101003", Kind.PERSON, "新生儿姓名", "出生孕周", "出生体重", "助产机构"),
            new Subject("预防接种信息", "202", Kind.PERSON, "疫苗名称", "接种剂次", "接种日期", "接种单位"),
            new Subject("家庭医生签约信息", "202", Kind.PERSON, "签约团队", "签约日期", "服务包类型"),
            new Subject("公共场所卫生许可信息", "307", Kind.LICENCE, "场所类别", "卫生等级", "许可项目"),
            new Subject("传染病报告信息", "202", Kind.CASE, "病种", "报告单位", "发病日期", "诊断类型"),
            new Subject("计划生育奖励扶助信息", "203", Kind.PERSON, "扶助类别", "扶助金额", "享受年度"),
            new Subject("职业健康检查机构信息", "307", Kind.FACILITY, "备案类别", "检查类别", "备案日期"))),
        new DepartmentCatalog("zjj", List.of(
            new Subject("建筑工程施工许可信息", "309001", Kind.PROJECT, "施工许可证编号", "合同价格", "建筑面积", "合同工期"),
            new Subject("建筑业企业资质信息", "105002", Kind.LICENCE, "资质类别", "资质等级", "资质证书编号"),
            new Subject("商品房预售许可信息", "209", Kind.PROJECT, "预售许可证号", "预售面积", "预售套数"),
            new Subject("房屋网签备案信息", "209", Kind.PROJECT, "合同编号", "房屋坐落", "成交金额", "备案日期"),
            new Subject("公租房保障信息", "203", Kind.PERSON, "保障方式", "房源地址", "租金标准"),
            new Subject("建设工程竣工验收备案信息", "309001", Kind.PROJECT, "验收日期", "备案编号", "验收结论"),
            new Subject("道路运输经营许可信息", "309", Kind.LICENCE, "经营范围", "车辆数", "许可证号"),
            new Subject("城市公交线路信息", "309", Kind.FACILITY, "线路编号", "首末站", "运营时间", "站点数"),
            new Subject("物业服务企业信息", "209", Kind.ENTERPRISE, "服务项目数", "在管面积"),
            new Subject("建筑施工安全事故信息", "205", Kind.CASE, "事故等级", "伤亡情况", "事故原因"))),
        new DepartmentCatalog("gzj", List.of(
            new Subject("不动产登记信息", "103001", Kind.PERSON, "不动产单元号", "坐落", "权利类型", "面积", "登记日期"),
            new Subject("建设用地规划许可信息", "103001", Kind.PROJECT, "用地位置", "用地面积", "用地性质", "许可证号"),
            new Subject("建设工程规划许可信息", "310", Kind.PROJECT, "建设规模", "许可证号", "核发日期"),
            new Subject("国有建设用地供应信息", "103001", Kind.PROJECT, "供地方式", "成交价款", "土地用途"),
            new Subject("国土空间规划信息", "103001", Kind.FACILITY, "规划类型", "规划期限", "批准文号"),
            new Subject("地质灾害隐患点信息", "310", Kind.FACILITY, "灾害类型", "威胁人数", "险情等级"),
            new Subject("耕地保护信息", "310", Kind.FACILITY, "地块编号", "耕地面积", "保护等级"))),
        new DepartmentCatalog("sthj", List.of(
            new Subject("排污许可信息", "311", Kind.LICENCE, "行业类别", "主要污染物", "排放方式", "许可排放量"),
            new Subject("建设项目环境影响评价审批信息", "211", Kind.PROJECT, "环评类别", "审批文号", "审批日期"),
            new Subject("环境行政处罚信息", "211", Kind.CASE, "违法事实", "处罚依据", "罚款金额"),
            new Subject("空气质量监测信息", "211", Kind.STATISTIC, "监测点位", "PM2.5浓度", "AQI", "首要污染物"),
            new Subject("重点排污单位名录", "211", Kind.ENTERPRISE, "单位类别", "监管类别", "自动监测情况"),
            new Subject("危险废物经营许可信息", "311", Kind.LICENCE, "经营方式", "核准经营规模", "废物类别"),
            new Subject("地表水水质监测信息", "211", Kind.STATISTIC, "断面名称", "水质类别", "监测月份"),
            new Subject("环境信访投诉信息", "211", Kind.CASE, "投诉类型", "污染类型", "处理情况"))),
        new DepartmentCatalog("jyj", List.of(
            new Subject("中小学学籍信息", "308", Kind.PERSON, "学籍号", "学校", "年级", "班级", "入学日期"),
            new Subject("学校基本信息", "308", Kind.FACILITY, "办学类型", "在校生数", "教职工数", "学校地址"),
            new Subject("民办学校办学许可信息", "308", Kind.LICENCE, "办学内容", "办学层次", "举办者"),
            new Subject("教师资格认定信息", "308", Kind.PERSON, "资格种类", "任教学科", "认定日期"),
            new Subject("学生资助信息", "203", Kind.PERSON, "资助项目", "资助金额", "资助学年"),
            new Subject("义务教育入学报名信息", "201", Kind.PERSON, "报名学校", "报名类别", "录取结果"),
            new Subject("校外培训机构信息", "308", Kind.ENTERPRISE, "培训类别", "办学场所", "收费标准"))),
        new DepartmentCatalog("swj", List.of(
            new Subject("纳税人登记信息", "312", Kind.ENTERPRISE, "纳税人识别号", "主管税务机关", "登记注册类型", "核算方式"),
            new Subject("纳税信用等级信息", "104", Kind.ENTERPRISE, "评价年度", "信用等级", "评价得分"),
            new Subject("欠税公告信息", "208", Kind.ENTERPRISE, "欠税税种", "欠税余额", "公告日期"),
            new Subject("发票领用信息", "312", Kind.ENTERPRISE, "发票种类", "领用数量", "领用日期"),
            new Subject("税收违法案件信息", "312", Kind.CASE, "案件性质", "违法事实", "处理处罚"),
            new Subject("个人所得税纳税信息", "312", Kind.PERSON, "所得项目", "应纳税额", "纳税年度"),
            new Subject("社会保险费征收信息", "203", Kind.ENTERPRISE, "费种", "缴费金额", "所属期"))),
        new DepartmentCatalog("ggzy", List.of(
            new Subject("工程建设项目招标公告信息", "313001", Kind.TENDER, "招标方式", "资格审查方式", "公告发布日期"),
            new Subject("工程建设项目中标结果信息", "313001", Kind.TENDER, "中标人", "中标金额", "中标工期"),
            new Subject("政府采购公告信息", "313002", Kind.TENDER, "采购方式", "预算金额", "采购需求"),
            new Subject("政府采购合同信息", "313002", Kind.TENDER, "合同编号", "合同金额", "供应商名称"),
            new Subject("评标专家信息", "313", Kind.PERSON, "专业类别", "职称", "入库日期"),
            new Subject("投标保证金信息", "313001", Kind.TENDER, "保证金金额", "缴纳方式", "退还日期"),
            new Subject("交易主体诚信信息", "208", Kind.ENTERPRISE, "不良行为", "记录日期", "处理部门"),
            new Subject("国有产权交易信息", "313", Kind.TENDER, "标的名称", "挂牌价格", "成交价格"),
            new Subject("土地使用权出让交易信息", "313", Kind.TENDER, "宗地编号", "出让面积", "成交总价"),
            new Subject("开标评标记录信息", "313001", Kind.TENDER, "开标时间", "投标人数量", "评标结果"))),
        new DepartmentCatalog("czj", List.of(
            new Subject("预算单位基本信息", "312", Kind.ENTERPRISE, "单位层级", "预算级次", "财政供养人数"),
            new Subject("惠民惠农财政补贴资金发放信息", "203", Kind.PERSON, "补贴项目", "补贴金额", "发放日期"),
            new Subject("政府债务信息", "312", Kind.STATISTIC, "债务类型", "债务余额", "到期日期"),
            new Subject("财政票据信息", "312", Kind.CASE, "票据种类", "票据号码", "开票金额"),
            new Subject("会计人员信息", "312", Kind.PERSON, "会计职称", "从业单位"))),
        new DepartmentCatalog("nyj", List.of(
            new Subject("农村土地承包经营权信息", "315", Kind.PERSON, "承包方编码", "地块面积", "承包期限"),
            new Subject("家庭农场名录信息", "315", Kind.ENTERPRISE, "经营类型", "经营面积", "认定日期"),
            new Subject("农药经营许可信息", "315", Kind.LICENCE, "经营范围", "许可证号"),
            new Subject("动物防疫条件合格证信息", "315", Kind.LICENCE, "场所类型", "养殖种类", "设计规模"),
            new Subject("耕地地力保护补贴信息", "203", Kind.PERSON, "补贴面积", "补贴标准", "补贴金额"),
            new Subject("农产品质量安全检测信息", "204", Kind.CASE, "产品名称", "检测项目", "检测结果"))),
        new DepartmentCatalog("yjj", List.of(
            new Subject("安全生产许可信息", "205", Kind.LICENCE, "许可范围", "许可证编号"),
            new Subject("危险化学品经营许可信息", "316", Kind.LICENCE, "经营方式", "许可品种"),
            new Subject("应急避难场所信息", "212", Kind.FACILITY, "场所类型", "可容纳人数", "有效面积"),
            new Subject("生产安全事故信息", "205", Kind.CASE, "事故类别", "死亡人数", "直接经济损失"),
            new Subject("应急救援队伍信息", "212", Kind.FACILITY, "队伍类型", "人数", "装备情况"),
            new Subject("安全生产行政处罚信息", "205", Kind.CASE, "违法行为", "处罚金额"),
            new Subject("自然灾害灾情信息", "212", Kind.STATISTIC, "灾害种类", "受灾人口", "倒损房屋"))),
        new DepartmentCatalog("wgl", List.of(
            new Subject("文化经营许可信息", "308", Kind.LICENCE, "经营项目", "经营场所面积"),
            new Subject("旅游景区信息", "201", Kind.FACILITY, "景区等级", "开放时间", "最大承载量"),
            new Subject("体育场馆信息", "201", Kind.FACILITY, "场馆类型", "座位数", "开放时间"),
            new Subject("文物保护单位信息", "308", Kind.FACILITY, "保护级别", "年代", "公布日期"),
            new Subject("旅行社信息", "308", Kind.ENTERPRISE, "经营范围", "质量保证金"))),
        new DepartmentCatalog("jxj", List.of(
            new Subject("规模以上工业企业信息", "302", Kind.ENTERPRISE, "行业代码", "工业总产值", "从业人员"),
            new Subject("汽车产业企业信息", "302", Kind.ENTERPRISE, "产品类别", "年产能", "配套企业数"),
            new Subject("专精特新企业名录信息", "302", Kind.ENTERPRISE, "认定级别", "认定年度", "主导产品"),
            new Subject("工业用电监测信息", "207", Kind.STATISTIC, "月度用电量", "同比增长"),
            new Subject("无线电台执照信息", "302", Kind.LICENCE, "台站类型", "使用频率", "发射功率"))),
        new DepartmentCatalog("kjj", List.of(
            new Subject("高新技术企业认定信息", "302", Kind.ENTERPRISE, "证书编号", "技术领域", "认定日期"),
            new Subject("科技型中小企业评价信息", "302", Kind.ENTERPRISE, "入库编号", "研发投入"),
            new Subject("科技项目立项信息", "302", Kind.PROJECT, "项目类别", "资助金额", "实施期限"),
            new Subject("新经济企业信息", "302", Kind.ENTERPRISE, "新经济形态", "融资轮次"))),
        new DepartmentCatalog("sfj", List.of(
            new Subject("律师执业信息", "317", Kind.PERSON, "执业证号", "执业机构", "执业类别"),
            new Subject("人民调解案件信息", "317", Kind.CASE, "纠纷类型", "调解结果", "调解日期"),
            new Subject("社区矫正对象信息", "317", Kind.PERSON, "矫正类别", "矫正期限", "执行地"),
            new Subject("法律援助案件信息", "317", Kind.CASE, "援助事项", "承办人", "结案日期"),
            new Subject("公证机构信息", "317", Kind.ENTERPRISE, "执业区域", "公证员人数"))),
        new DepartmentCatalog("tyjr", List.of(
            new Subject("退役军人信息", "203", Kind.PERSON, "入伍时间", "退役时间", "退役方式", "安置方式"),
            new Subject("优抚对象信息", "203", Kind.PERSON, "优抚类别", "抚恤金额", "发放方式"),
            new Subject("退役军人就业创业信息", "305002", Kind.PERSON, "就业方式", "培训项目"))),
        new DepartmentCatalog("ybj", List.of(
            new Subject("基本医疗保险参保信息", "203", Kind.PERSON, "参保类别", "参保状态", "参保日期"),
            new Subject("医疗保险定点医药机构信息", "202", Kind.FACILITY, "机构类型", "定点类别", "协议期限"),
            new Subject("医保结算信息", "202", Kind.PERSON, "就诊类型", "医疗总费用", "统筹支付", "个人负担"),
            new Subject("医疗救助信息", "203", Kind.PERSON, "救助类别", "救助金额"),
            new Subject("长期护理保险待遇信息", "203", Kind.PERSON, "失能等级", "护理方式", "待遇标准"))),
        new DepartmentCatalog("tjj", List.of(
            new Subject("地区生产总值统计信息", "318", Kind.STATISTIC, "统计期", "生产总值", "增速"),
            new Subject("人口抽样调查信息", "318", Kind.STATISTIC, "调查年度", "常住人口", "城镇化率"),
            new Subject("统计调查单位名录", "318", Kind.ENTERPRISE, "行业代码", "单位规模", "调查制度"),
            new Subject("居民消费价格指数信息", "206", Kind.STATISTIC, "统计期", "类别", "指数"))),
        new DepartmentCatalog("slj", List.of(
            new Subject("取水许可信息", "310", Kind.LICENCE, "取水地点", "取水量", "取水用途"),
            new Subject("河湖长制信息", "211", Kind.FACILITY, "河湖名称", "河长姓名", "河段范围"),
            new Subject("水利工程信息", "209", Kind.PROJECT, "工程类型", "工程规模", "管理单位"),
            new Subject("防汛抗旱信息", "212", Kind.STATISTIC, "雨量", "水位", "预警等级"))),
        new DepartmentCatalog("cgj", List.of(
            new Subject("城市管理行政处罚信息", "210", Kind.CASE, "违法行为", "处罚决定", "执行情况"),
            new Subject("户外广告设置许可信息", "209", Kind.LICENCE, "设置地点", "广告规格", "设置期限"),
            new Subject("生活垃圾分类信息", "210", Kind.STATISTIC, "分类类别", "收运量", "处理方式"),
            new Subject("数字城管案件信息", "210", Kind.CASE, "问题类别", "上报方式", "处置时限", "结案日期"),
            new Subject("市政设施信息", "209", Kind.FACILITY, "设施类别", "设施位置", "管养单位"))),
        new DepartmentCatalog("sjj", List.of(
            new Subject("审计项目信息", "301", Kind.PROJECT, "审计类型", "审计对象", "审计期间"),
            new Subject("审计发现问题整改信息", "301", Kind.CASE, "问题类型", "整改要求", "整改情况"))));
}
