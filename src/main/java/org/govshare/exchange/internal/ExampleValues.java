package org.govshare.exchange.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.govshare.dataset.ItemKind;
import org.govshare.platform.CreditCode;
import org.govshare.platform.ResidentId;
import org.govshare.sharing.MaskType;

/**
 * Plausible fake values for a service description's examples: by identifier kind (valid check
 * digits, so a copied example passes the gateway's checks), then by a few common item names, then
 * by data type. Nobody's real data: the resident id is born on a fixed date in a made-up sequence.
 */
final class ExampleValues {

    static final String RESIDENT_ID = ResidentId.withCheckChar("51011219900307123");
    static final String CREDIT_CODE = CreditCode.withCheckDigit("91510112MA6C3X7Q0");

    private ExampleValues() {
    }

    /** The stored (canonical) text of an example value. */
    static String raw(ServedResource.Item item) {
        if (item.kind() == ItemKind.RESIDENT_ID) {
            return RESIDENT_ID;
        }
        if (item.kind() == ItemKind.CREDIT_CODE) {
            return CREDIT_CODE;
        }
        String name = item.name() == null ? "" : item.name();
        switch (item.dataType()) {
            case INTEGER:
                return name.contains("年龄") ? "36" : "42";
            case DECIMAL:
                return "1234.56";
            case DATE:
                return "2024-03-15";
            case DATETIME:
                return "2024-03-15T09:30:00";
            case BOOLEAN:
                return "true";
            case BINARY:
                return "AAECAwQ=";
            default:
                return text(item.codeName(), name);
        }
    }

    private static String text(String code, String name) {
        if (name.contains("信用代码") || code.equals("tyshxydm")) {
            return CREDIT_CODE;
        }
        if (name.contains("身份号码") || name.contains("身份证")) {
            return RESIDENT_ID;
        }
        if (name.contains("企业") && name.contains("名称") || name.contains("单位名称")) {
            return "成都示例科技有限公司";
        }
        if (name.contains("姓名") || name.contains("代表人") || name.contains("负责人") || name.contains("联系人")) {
            return "张示例";
        }
        if (name.contains("区划")) {
            return "510112";
        }
        if (name.contains("地址") || name.contains("住所")) {
            return "四川省成都市龙泉驿区示例路1号";
        }
        if (name.contains("电话") || name.contains("手机")) {
            return "02800000000";
        }
        if (name.contains("性别")) {
            return "男";
        }
        return "示例" + name;
    }

    /** The example record as the shape's caller receives it: each item through its mask, typed as the gateway writes it. */
    static Map<String, Object> record(ServiceShape shape, Masking masking) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ServiceShape.Shown s : shape.items()) {
            out.put(s.item().codeName(), shown(s, masking));
        }
        return out;
    }

    static Object shown(ServiceShape.Shown s, Masking masking) {
        String raw = raw(s.item());
        if (s.mask().type() != MaskType.NONE) {
            return masking.apply(s.mask(), raw);
        }
        switch (s.item().dataType()) {
            case INTEGER:
            case DECIMAL:
                return new java.math.BigDecimal(raw);
            case BOOLEAN:
                return Boolean.parseBoolean(raw);
            default:
                return raw;
        }
    }
}
