package org.govshare.catalog.internal.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;

/**
 * The Chinese labels of the code lists as they appear in the workbook. They are part of the file
 * format (a filled template must keep importing whatever the console's wording becomes), so they
 * live here and not in the message bundles. Reading accepts a label or the enum's name.
 */
final class Labels {

    private static final Map<Enum<?>, String> LABELS = new LinkedHashMap<>();

    static {
        put(ShareType.UNCONDITIONAL, "无条件共享");
        put(ShareType.CONDITIONAL, "有条件共享");
        put(ShareType.NOT_SHARED, "不予共享");
        put(OpenType.OPEN, "无条件开放");
        put(OpenType.CONDITIONAL, "有条件开放");
        put(OpenType.NOT_OPEN, "不予开放");
        put(ShareMode.PLATFORM, "共享平台");
        put(ShareMode.EMAIL, "电子邮件");
        put(ShareMode.MEDIA, "介质拷贝");
        put(UpdateCycle.REAL_TIME, "实时");
        put(UpdateCycle.DAILY, "每日");
        put(UpdateCycle.WEEKLY, "每周");
        put(UpdateCycle.MONTHLY, "每月");
        put(UpdateCycle.QUARTERLY, "每季度");
        put(UpdateCycle.HALF_YEARLY, "每半年");
        put(UpdateCycle.YEARLY, "每年");
        put(UpdateCycle.IRREGULAR, "不定期");
        put(UpdateCycle.OTHER, "其他");
        put(ResourceFormat.DATABASE, "数据库");
        put(ResourceFormat.FILE_XLSX, "电子表格");
        put(ResourceFormat.FILE_CSV, "文本文件");
        put(ResourceFormat.FILE_PDF, "版式文件");
        put(ResourceFormat.API, "接口");
        put(ResourceFormat.OTHER, "其他格式");
        put(DataType.STRING, "字符型");
        put(DataType.INTEGER, "整数型");
        put(DataType.DECIMAL, "数值型");
        put(DataType.DATE, "日期型");
        put(DataType.DATETIME, "日期时间型");
        put(DataType.BOOLEAN, "布尔型");
        put(DataType.BINARY, "二进制");
        put(Sensitivity.PUBLIC, "公开");
        put(Sensitivity.INTERNAL, "内部");
        put(Sensitivity.SENSITIVE, "敏感");
        put(Sensitivity.RESTRICTED, "受限");
    }

    static final String YES = "是";
    static final String NO = "否";

    private Labels() {
    }

    private static void put(Enum<?> value, String label) {
        LABELS.put(value, label);
    }

    static String of(Enum<?> value) {
        return value == null ? null : LABELS.get(value);
    }

    static <E extends Enum<E>> List<String> all(Class<E> type) {
        List<String> labels = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            labels.add(of(e));
        }
        return labels;
    }

    /** The constant named by a label or by the enum's own name (any case); empty if neither. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (t.equals(of(e)) || t.equalsIgnoreCase(e.name())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static Optional<Boolean> parseBoolean(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "是", "y", "yes", "true", "1", "√" -> Optional.of(true);
            case "否", "n", "no", "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** How an enum appears in a message: its label for Chinese readers, its name for others. */
    static String shown(Enum<?> value, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? of(value) : value.name();
    }

    static Optional<Enum<?>> byKey(String key) {
        return LABELS.keySet().stream().filter(e -> key(e).equals(key)).findFirst();
    }

    static String key(Enum<?> e) {
        return e.getDeclaringClass().getSimpleName() + "." + e.name();
    }
}
