package org.govshare.demo;

import java.util.List;

/**
 * The facts of the demo district in one place, so the loader, the sign-in hints and the tests
 * agree. Longquanyi District's area code is 510112.
 */
final class DemoDistrict {

    static final String AREA = "510112";
    static final String PASSWORD = "Demo@2026gov";
    static final String AUTHORITY = "成都市龙泉驿区大数据中心";

    private DemoDistrict() {
    }

    /** A department: its account prefix, name, short name, contact, and whether it gets all roles. */
    record Department(String key, String name, String shortName, String contact, boolean fullStaff) {
    }

    static final List<Department> DEPARTMENTS = List.of(
        new Department("fgj", "成都市龙泉驿区发展和改革局", "区发改局", "王建国", false),
        new Department("scjg", "成都市龙泉驿区市场监督管理局", "区市场监管局", "李晓梅", true),
        new Department("rsj", "成都市龙泉驿区人力资源和社会保障局", "区人社局", "张志强", true),
        new Department("gaj", "成都市公安局龙泉驿区分局", "龙泉驿公安分局", "刘洋", true),
        new Department("mzj", "成都市龙泉驿区民政局", "区民政局", "陈静", false),
        new Department("wjj", "成都市龙泉驿区卫生健康局", "区卫健局", "杨帆", false),
        new Department("zjj", "成都市龙泉驿区住房建设和交通运输局", "区住建交通局", "赵磊", false),
        new Department("gzj", "成都市规划和自然资源局龙泉驿区分局", "规划和自然资源分局", "黄蓉", false),
        new Department("sthj", "成都市龙泉驿生态环境局", "区生态环境局", "周斌", false),
        new Department("jyj", "成都市龙泉驿区教育局", "区教育局", "吴敏", false),
        new Department("swj", "国家税务总局成都市龙泉驿区税务局", "区税务局", "徐涛", false),
        new Department("ggzy", "成都市龙泉驿区公共资源交易服务中心", "区公共资源交易中心", "孙丽", false),
        new Department("spj", "成都市龙泉驿区政务服务管理和行政审批局", "区行政审批局", "马超", true),
        new Department("czj", "成都市龙泉驿区财政局", "区财政局", "朱红", false),
        new Department("nyj", "成都市龙泉驿区农业农村局", "区农业农村局", "胡军", false),
        new Department("yjj", "成都市龙泉驿区应急管理局", "区应急局", "郭鹏", false),
        new Department("wgl", "成都市龙泉驿区文化广电体育和旅游局", "区文广旅局", "何琳", false),
        new Department("jxj", "成都市龙泉驿区经济和信息化局", "区经信局", "林峰", false),
        new Department("kjj", "成都市龙泉驿区新经济和科技局", "区新经济科技局", "罗娟", false),
        new Department("sfj", "成都市龙泉驿区司法局", "区司法局", "梁勇", false),
        new Department("tyjr", "成都市龙泉驿区退役军人事务局", "区退役军人局", "宋刚", false),
        new Department("ybj", "成都市龙泉驿区医疗保障局", "区医保局", "郑雪", false),
        new Department("tjj", "成都市龙泉驿区统计局", "区统计局", "谢云", false),
        new Department("slj", "成都市龙泉驿区水务局", "区水务局", "韩冰", false),
        new Department("cgj", "成都市龙泉驿区城市管理和综合执法局", "区城管执法局", "唐亮", false),
        new Department("sjj", "成都市龙泉驿区审计局", "区审计局", "冯敏", false));

    /** Streets and towns after the 2019-2020 township reform; "镇"/"乡" are towns. */
    static final List<String> STREETS_AND_TOWNS = List.of(
        "龙泉街道", "大面街道", "十陵街道", "同安街道", "东安街道", "柏合街道", "西河街道", "洪河街道",
        "洛带镇", "黄土镇", "万兴乡", "山泉镇");

    record ClientSystem(String departmentKey, String name, String description) {
    }

    static final List<ClientSystem> CLIENT_SYSTEMS = List.of(
        new ClientSystem("scjg", "企业登记注册系统", "市场主体登记、变更、注销业务系统"),
        new ClientSystem("rsj", "社会保险经办系统", "参保登记、缴费核定与待遇发放"),
        new ClientSystem("gaj", "户籍人口管理系统", "户籍登记与人口信息管理"),
        new ClientSystem("spj", "一窗综合受理系统", "政务服务大厅综合窗口受理与并联审批"),
        new ClientSystem("ggzy", "电子招投标交易系统", "工程建设项目招标投标与政府采购交易"));
}
