package org.govshare.catalog.internal.excel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of the two data sheets: header (what the file says), field (the path segment of the
 * draft the rules report), whether the import needs the column at all, the code list behind its
 * dropdown, its width and the explanation on the 说明 sheet. Order is the template's order.
 */
enum Column {

    R_KEY(Sheet.RESOURCES, "资源序号", null, true, null, 10, "本文件内资源的编号（任意文字或数字，不可重复），信息项表用它关联资源；填“示例”的行不导入。"),
    R_CLASSIFICATION(Sheet.RESOURCES, "分类代码", "classificationCode", true, CodeList.CLASSIFICATION, 26, "资源分类（项级及以下），从下拉列表选择，或只填代码，如 303001。"),
    R_NAME(Sheet.RESOURCES, "名称", "name", true, null, 30, "资源名称，必填，最多 100 字。"),
    R_SUMMARY(Sheet.RESOURCES, "摘要", "summary", false, null, 40, "资源内容的简要说明，最多 2000 字。"),
    R_FORMAT(Sheet.RESOURCES, "格式", "format", true, CodeList.FORMAT, 12, "信息资源格式，从下拉列表选择。"),
    R_SHARE_TYPE(Sheet.RESOURCES, "共享类型", "shareType", true, CodeList.SHARE_TYPE, 14, "无条件共享 / 有条件共享 / 不予共享；基础信息资源须无条件共享。"),
    R_SHARE_CONDITION(Sheet.RESOURCES, "共享条件", "shareCondition", false, null, 30, "有条件共享时必填：使用条件和用途限制。"),
    R_SHARE_MODE(Sheet.RESOURCES, "共享方式", "shareMode", false, CodeList.SHARE_MODE, 12, "不填为共享平台。"),
    R_OPEN_TYPE(Sheet.RESOURCES, "开放类型", "openType", true, CodeList.OPEN_TYPE, 14, "向社会开放的属性；不予共享的资源不能开放。"),
    R_OPEN_CONDITION(Sheet.RESOURCES, "开放条件", "openCondition", false, null, 24, "有条件开放时必填。"),
    R_UPDATE_CYCLE(Sheet.RESOURCES, "更新周期", "updateCycle", true, CodeList.UPDATE_CYCLE, 10, "从下拉列表选择。"),
    R_RELEASE_DATE(Sheet.RESOURCES, "发布日期", "releaseDate", false, null, 12, "日期，如 2026-01-31；不填则在审核通过时记为当天。"),
    R_RELATED(Sheet.RESOURCES, "关联资源代码", "relatedResourceCodes", false, null, 24, "已登记资源的代码，多个用逗号分隔，如 303001/000001,303001/000002。"),
    R_LEGAL_BASIS(Sheet.RESOURCES, "不予共享依据", "legalBasis", false, null, 30, "不予共享时必填：法律、行政法规或国家政策依据。"),
    R_KEYWORDS(Sheet.RESOURCES, "关键词", "keywords", false, null, 20, "检索用关键词，最多 500 字。"),
    R_CODE(Sheet.RESOURCES, "资源代码", null, false, null, 18, "导出时填写的已有资源代码，仅供参考；导入时忽略，新资源另行生成代码。"),

    I_KEY(Sheet.ITEMS, "资源序号", null, true, null, 10, "所属资源在“资源”表中的资源序号。"),
    I_NAME(Sheet.ITEMS, "名称", "name", true, null, 24, "信息项名称，同一资源内不可重复。"),
    I_CODE_NAME(Sheet.ITEMS, "代码名", "codeName", true, null, 20, "英文代码名：小写字母开头，只含小写字母、数字和下划线，同一资源内不可重复。"),
    I_DATA_TYPE(Sheet.ITEMS, "数据类型", "dataType", true, CodeList.DATA_TYPE, 12, "从下拉列表选择；字符型和数值型须填长度。"),
    I_LENGTH(Sheet.ITEMS, "长度", "length", false, null, 8, "正整数。"),
    I_DESCRIPTION(Sheet.ITEMS, "描述", "description", false, null, 30, "信息项说明，最多 1000 字。"),
    I_SENSITIVITY(Sheet.ITEMS, "敏感级别", "sensitivity", false, CodeList.SENSITIVITY, 10, "不填为内部。"),
    I_SHARE_TYPE(Sheet.ITEMS, "共享类型", "shareType", false, CodeList.SHARE_TYPE, 14, "不填则同资源；不能比资源更开放。"),
    I_SHARE_CONDITION(Sheet.ITEMS, "共享条件", "shareCondition", false, null, 24, "信息项另设有条件共享时必填。"),
    I_LEGAL_BASIS(Sheet.ITEMS, "不予共享依据", "legalBasis", false, null, 24, "信息项另设不予共享时必填。"),
    I_STANDARD_NAME(Sheet.ITEMS, "标准名称", "standardName", false, null, 20, "数据元标准名称，不填同名称；用于一数一源比对。"),
    I_SOURCE(Sheet.ITEMS, "权威来源部门", "authoritativeSourceId", false, CodeList.ORGANIZATION, 28, "一数一源的权威来源单位名称，从下拉列表选择。"),
    I_KEY_ITEM(Sheet.ITEMS, "主键", "key", false, CodeList.YES_NO, 8, "是 / 否，不填为否。");

    enum Sheet {
        RESOURCES("资源"), ITEMS("信息项");

        final String title;

        Sheet(String title) {
            this.title = title;
        }
    }

    /** The code lists of the hidden sheet, each a named range the dropdowns refer to. */
    enum CodeList {
        CLASSIFICATION("分类"), FORMAT("格式"), SHARE_TYPE("共享类型"), SHARE_MODE("共享方式"), OPEN_TYPE("开放类型"),
        UPDATE_CYCLE("更新周期"), DATA_TYPE("数据类型"), SENSITIVITY("敏感级别"), YES_NO("是否"), ORGANIZATION("单位");

        final String title;

        CodeList(String title) {
            this.title = title;
        }

        String rangeName() {
            return "list_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String HELP_SHEET = "说明";
    static final String LISTS_SHEET = "代码表";
    static final String EXAMPLE_KEY = "示例";

    final Sheet sheet;
    final String header;
    final String field;
    final boolean required;
    final CodeList list;
    final int width;
    final String help;

    Column(Sheet sheet, String header, String field, boolean required, CodeList list, int width, String help) {
        this.sheet = sheet;
        this.header = header;
        this.field = field;
        this.required = required;
        this.list = list;
        this.width = width;
        this.help = help;
    }

    /** Whether a file without this column cannot be imported (the key and every field the rules require). */
    boolean mandatoryHeader() {
        return required;
    }

    static List<Column> of(Sheet sheet) {
        return Arrays.stream(values()).filter(c -> c.sheet == sheet).toList();
    }

    /** The template's columns (without the export-only code). */
    static List<Column> template(Sheet sheet) {
        return of(sheet).stream().filter(c -> c != R_CODE).toList();
    }

    static Optional<Column> byField(Sheet sheet, String field) {
        return of(sheet).stream().filter(c -> field.equals(c.field)).findFirst();
    }

    /** Headers match after trimming, a leading "*" and a trailing "（...）" or "(...)" remark. */
    static Optional<Column> byHeader(Sheet sheet, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().replaceFirst("^\\*", "").replaceFirst("[（(].*[）)]$", "").trim();
        return of(sheet).stream().filter(c -> c.header.equals(t)).findFirst();
    }
}
