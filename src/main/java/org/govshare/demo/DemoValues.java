package org.govshare.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.platform.CreditCode;
import org.govshare.platform.ResidentId;

/**
 * Plausible values for a data item, from its type, name and whether it is the key: valid identity
 * numbers and credit codes (check characters computed), Chinese names, Longquanyi addresses,
 * dates, code values. Deterministic: the same seed gives the same rows every start.
 */
final class DemoValues {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉鹏飞波宇浩然欣怡思雨梓涵子轩一诺俊杰晨曦";
    private static final List<String> ROADS = List.of("驿都大道", "龙泉街", "北泉路", "建设路", "西河大道", "大面街",
        "十陵大道", "成洛大道", "车城大道", "星光西路", "长柏路", "同安路");
    private static final List<String> WORDS = List.of("龙泉", "驿都", "蜀汽", "天府", "桃都", "东山", "锦程", "川渝", "宏达",
        "兴业", "恒信", "瑞丰", "博远", "金桃", "新航");
    private static final List<String> TRADES = List.of("汽车零部件", "餐饮管理", "商贸", "建筑工程", "物业管理", "农业科技",
        "信息技术", "物流", "医疗器械", "文化传播");
    private static final List<String> ETHNIC = List.of("汉族", "汉族", "汉族", "汉族", "汉族", "藏族", "彝族", "回族", "羌族");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Random random;

    DemoValues(long seed) {
        this.random = new Random(seed);
    }

    /** The value of {@code item} in row {@code row} (0-based) of a resource whose key values start at {@code prefix}. */
    String value(DataItemView item, int row, String prefix) {
        String name = item.name();
        if (name.contains("统一社会信用代码") || name.equals("持证主体代码")) {
            return creditCode(item.key() ? row : random.nextInt(1_000_000));
        }
        if (name.contains("公民身份号码") || name.contains("证件号码")) {
            return residentId(item.key() ? row : random.nextInt(999));
        }
        if (item.key()) {
            if (name.equals("统计期")) {
                return LocalDate.of(2026, 1, 1).minusMonths(row).toString().substring(0, 7);
            }
            return cut(prefix + String.format("%06d", row + 1), item.length());
        }
        DataType type = item.dataType();
        return switch (type) {
            case INTEGER -> Integer.toString(random.nextInt(name.contains("人数") ? 2000 : 500));
            case DECIMAL -> decimal(name);
            case DATE -> date().toString();
            case DATETIME -> DATE_TIME.format(date().atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)));
            case BOOLEAN -> random.nextInt(5) == 0 ? "false" : "true";
            case BINARY -> null;
            case STRING -> cut(text(name), item.length());
        };
    }

    LocalDateTime updatedAt(int row) {
        return LocalDateTime.of(2026, 1, 1, 8, 0).plusMinutes(row * 7L);
    }

    private String text(String name) {
        if (name.equals("姓名") || name.equals("法定代表人") || name.endsWith("人") && !name.endsWith("招标人")
                && !name.endsWith("持证人") || name.equals("联系人")) {
            return person();
        }
        if (name.contains("地址") || name.equals("建设地点")) {
            return address();
        }
        if (name.contains("电话")) {
            return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        }
        if (name.equals("性别")) {
            return random.nextBoolean() ? "男" : "女";
        }
        if (name.equals("民族")) {
            return ETHNIC.get(random.nextInt(ETHNIC.size()));
        }
        if (name.contains("街道") || name.equals("所在街道")) {
            return DemoDistrict.STREETS_AND_TOWNS.get(random.nextInt(DemoDistrict.STREETS_AND_TOWNS.size()));
        }
        if (name.equals("行政区划代码")) {
            return "510112";
        }
        if (name.equals("邮政编码")) {
            return "610100";
        }
        if (name.equals("电子邮箱")) {
            return "lqy" + random.nextInt(100000) + "@example.gov.cn";
        }
        if (name.contains("状态")) {
            return List.of("有效", "有效", "有效", "注销", "办理中").get(random.nextInt(5));
        }
        if (name.contains("机关") || name.contains("单位") && !name.contains("建设单位") || name.contains("部门")) {
            return DemoDistrict.DEPARTMENTS.get(random.nextInt(DemoDistrict.DEPARTMENTS.size())).shortName();
        }
        if (name.contains("名称") || name.contains("主体") || name.contains("招标人") || name.contains("建设单位")
                || name.contains("机构")) {
            return "成都" + WORDS.get(random.nextInt(WORDS.size())) + TRADES.get(random.nextInt(TRADES.size())) + "有限公司";
        }
        if (name.contains("编号") || name.contains("文号") || name.contains("流水号")) {
            return "LQY" + (2020 + random.nextInt(7)) + String.format("%05d", random.nextInt(100000));
        }
        if (name.contains("行业")) {
            return TRADES.get(random.nextInt(TRADES.size()));
        }
        return name + "：" + List.of("正常", "已核实", "按规定办理", "符合要求", "详见附件").get(random.nextInt(5));
    }

    private String person() {
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
            + GIVEN.charAt(random.nextInt(GIVEN.length())) + (random.nextInt(3) == 0 ? "" : GIVEN.charAt(random.nextInt(GIVEN.length())) + "");
    }

    private String address() {
        return "四川省成都市龙泉驿区" + ROADS.get(random.nextInt(ROADS.size())) + (1 + random.nextInt(999)) + "号";
    }

    private String decimal(String name) {
        if (name.equals("经度")) {
            return String.format("104.%06d", 200_000 + random.nextInt(150_000));
        }
        if (name.equals("纬度")) {
            return String.format("30.%06d", 520_000 + random.nextInt(120_000));
        }
        if (name.endsWith("率")) {
            return String.format("%d.%02d", random.nextInt(100), random.nextInt(100));
        }
        return String.format("%d.%02d", random.nextInt(5_000_000), random.nextInt(100));
    }

    private LocalDate date() {
        return LocalDate.of(2015, 1, 1).plusDays(random.nextInt(11 * 365));
    }

    /** 9 = industrial and commercial, 1 = enterprise, Longquanyi's area code, a 9-character organization code. */
    static String creditCode(int n) {
        return CreditCode.withCheckDigit("91510112" + "MA" + String.format("%07d", 6_000_000 + n));
    }

    /** Born 1950-2005 in Longquanyi, the sequence from the row. */
    String residentId(int n) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));
        return ResidentId.withCheckChar("510112" + birth.toString().replace("-", "") + String.format("%03d", n % 1000));
    }

    private static String cut(String s, Integer length) {
        return length == null || s == null || s.length() <= length ? s : s.substring(0, length);
    }
}
