package org.govshare.catalog.internal.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.govshare.catalog.Classification;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.catalog.internal.excel.Column.CodeList;
import org.govshare.catalog.internal.excel.Column.Sheet;

/**
 * Writes the catalog workbook (template and export share it): the two data sheets with bold,
 * frozen headers and dropdowns on every coded column, the 说明 sheet and the hidden code lists.
 * Streams rows through SXSSF, so an export of any size keeps only a small window in memory.
 */
final class CatalogWorkbook implements AutoCloseable {

    private static final int WINDOW = 200;
    private static final int MIN_VALIDATED_ROWS = 2000;

    private final SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet resources;
    private final SXSSFSheet items;
    private final CellStyle text;
    private final CellStyle date;
    private final Map<UUID, String> organizationNames;
    private final Map<String, String> classificationLabels;
    private final boolean withCode;
    private int resourceRow = 1;
    private int itemRow = 1;

    /**
     * @param withCode whether the resource sheet carries the (read-only) resource code column, as exports do
     */
    CatalogWorkbook(List<Classification> classifications, Map<UUID, String> organizationNames, boolean withCode) {
        this.organizationNames = organizationNames;
        this.withCode = withCode;
        this.classificationLabels = new java.util.HashMap<>();
        for (Classification c : classifications) {
            classificationLabels.put(c.code(), c.code() + " " + c.name());
        }
        wb.setCompressTempFiles(true);
        text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        resources = wb.createSheet(Sheet.RESOURCES.title);
        items = wb.createSheet(Sheet.ITEMS.title);
        header(resources, columns(Sheet.RESOURCES));
        header(items, columns(Sheet.ITEMS));
        help();
        lists(classifications);
    }

    private List<Column> columns(Sheet sheet) {
        return withCode ? Column.of(sheet) : Column.template(sheet);
    }

    private void header(SXSSFSheet sheet, List<Column> columns) {
        CellStyle required = headerStyle(IndexedColors.LIGHT_ORANGE);
        CellStyle optional = headerStyle(IndexedColors.GREY_25_PERCENT);
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            var cell = row.createCell(i);
            cell.setCellValue(c.header);
            cell.setCellStyle(c.required ? required : optional);
            sheet.setColumnWidth(i, c.width * 256 + 512);
            if (c.list != null || c == Column.R_KEY || c == Column.I_KEY || c == Column.I_CODE_NAME) {
                sheet.setDefaultColumnStyle(i, text);
            }
        }
        sheet.createFreezePane(1, 1);
    }

    private CellStyle headerStyle(IndexedColors fill) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle s = wb.createCellStyle();
        s.setFont(bold);
        s.setFillForegroundColor(fill.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setDataFormat(wb.createDataFormat().getFormat("@"));
        return s;
    }

    private void help() {
        SXSSFSheet help = wb.createSheet(Column.HELP_SHEET);
        Row head = help.createRow(0);
        String[] titles = {"工作表", "列", "必填", "下拉列表", "说明"};
        CellStyle style = headerStyle(IndexedColors.GREY_25_PERCENT);
        for (int i = 0; i < titles.length; i++) {
            head.createCell(i).setCellValue(titles[i]);
            head.getCell(i).setCellStyle(style);
        }
        int r = 1;
        help.createRow(r++).createCell(0).setCellValue(
            "每行“资源”是一个信息资源，其信息项写在“信息项”表中，用“资源序号”关联。导入时逐格检查，所有问题连同工作表、行、列一并列出；"
                + "选择“全部或不导入”时文件完全无误才会登记，选择“保留有效资源”时只登记无误的资源。导入的资源均为本单位草稿，须另行提交审核。"
                + "单元格不得使用公式。");
        for (Column c : Column.values()) {
            if (c == Column.R_CODE && !withCode) {
                continue;
            }
            Row row = help.createRow(r++);
            row.createCell(0).setCellValue(c.sheet.title);
            row.createCell(1).setCellValue(c.header);
            row.createCell(2).setCellValue(c.required ? "是" : "否");
            row.createCell(3).setCellValue(c.list == null ? "" : c.list.title);
            row.createCell(4).setCellValue(c.help);
        }
        int[] widths = {10, 16, 6, 12, 90};
        for (int i = 0; i < widths.length; i++) {
            help.setColumnWidth(i, widths[i] * 256);
        }
        help.createFreezePane(0, 1);
    }

    private void lists(List<Classification> classifications) {
        SXSSFSheet lists = wb.createSheet(Column.LISTS_SHEET);
        List<List<String>> values = List.of(
            classifications.stream().filter(c -> c.level() >= 2).map(c -> classificationLabels.get(c.code())).toList(),
            Labels.all(ResourceFormat.class), Labels.all(ShareType.class), Labels.all(ShareMode.class),
            Labels.all(OpenType.class), Labels.all(UpdateCycle.class), Labels.all(DataType.class),
            Labels.all(Sensitivity.class), List.of(Labels.YES, Labels.NO),
            organizationNames.values().stream().sorted().toList());
        CodeList[] order = {CodeList.CLASSIFICATION, CodeList.FORMAT, CodeList.SHARE_TYPE, CodeList.SHARE_MODE,
            CodeList.OPEN_TYPE, CodeList.UPDATE_CYCLE, CodeList.DATA_TYPE, CodeList.SENSITIVITY, CodeList.YES_NO,
            CodeList.ORGANIZATION};
        int longest = values.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r <= longest; r++) {
            Row row = lists.createRow(r);
            for (int c = 0; c < order.length; c++) {
                if (r == 0) {
                    row.createCell(c).setCellValue(order[c].title);
                } else if (r <= values.get(c).size()) {
                    row.createCell(c).setCellValue(values.get(c).get(r - 1));
                }
            }
        }
        for (int c = 0; c < order.length; c++) {
            Name name = wb.createName();
            name.setNameName(order[c].rangeName());
            String col = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
            int last = Math.max(2, values.get(c).size() + 1);
            name.setRefersToFormula("'" + Column.LISTS_SHEET + "'!$" + col + "$2:$" + col + "$" + last);
            lists.setColumnWidth(c, (c == 0 || c == order.length - 1 ? 30 : 12) * 256);
        }
        wb.setSheetHidden(wb.getSheetIndex(lists), true);
    }

    /** An example resource in the template; the import skips rows keyed {@value Column#EXAMPLE_KEY}. */
    void example(UUID sourceOrganization) {
        Row r = resources.createRow(resourceRow++);
        set(r, Column.R_KEY, Column.EXAMPLE_KEY);
        set(r, Column.R_CLASSIFICATION, classificationLabels.getOrDefault("303001", "303001"));
        set(r, Column.R_NAME, "市场主体登记信息（示例，导入时忽略）");
        set(r, Column.R_SUMMARY, "本区登记的企业、个体工商户和农民专业合作社的基本登记信息。");
        set(r, Column.R_FORMAT, Labels.of(ResourceFormat.DATABASE));
        set(r, Column.R_SHARE_TYPE, Labels.of(ShareType.CONDITIONAL));
        set(r, Column.R_SHARE_CONDITION, "用于行政审批和事中事后监管");
        set(r, Column.R_SHARE_MODE, Labels.of(ShareMode.PLATFORM));
        set(r, Column.R_OPEN_TYPE, Labels.of(OpenType.NOT_OPEN));
        set(r, Column.R_UPDATE_CYCLE, Labels.of(UpdateCycle.DAILY));
        setDate(r, Column.R_RELEASE_DATE, LocalDate.of(2026, 1, 1));
        set(r, Column.R_KEYWORDS, "企业,登记,营业执照");
        String source = sourceOrganization == null ? null : organizationNames.get(sourceOrganization);
        item(Column.EXAMPLE_KEY, new DataItemView("统一社会信用代码", "uscc", DataType.STRING, 18, "GB 32100 代码",
            Sensitivity.PUBLIC, null, null, null, "统一社会信用代码", null, true), source);
        item(Column.EXAMPLE_KEY, new DataItemView("企业名称", "name", DataType.STRING, 200, null, Sensitivity.PUBLIC,
            null, null, null, null, null, false), null);
        item(Column.EXAMPLE_KEY, new DataItemView("成立日期", "established", DataType.DATE, null, null,
            Sensitivity.PUBLIC, null, null, null, null, null, false), null);
    }

    void resource(String key, ResourceView v) {
        Row r = resources.createRow(resourceRow++);
        set(r, Column.R_KEY, key);
        set(r, Column.R_CLASSIFICATION, classificationLabels.getOrDefault(v.classificationCode(), v.classificationCode()));
        set(r, Column.R_NAME, v.name());
        set(r, Column.R_SUMMARY, v.summary());
        set(r, Column.R_FORMAT, Labels.of(v.format()));
        set(r, Column.R_SHARE_TYPE, Labels.of(v.shareType()));
        set(r, Column.R_SHARE_CONDITION, v.shareCondition());
        set(r, Column.R_SHARE_MODE, Labels.of(v.shareMode()));
        set(r, Column.R_OPEN_TYPE, Labels.of(v.openType()));
        set(r, Column.R_OPEN_CONDITION, v.openCondition());
        set(r, Column.R_UPDATE_CYCLE, Labels.of(v.updateCycle()));
        setDate(r, Column.R_RELEASE_DATE, v.releaseDate());
        set(r, Column.R_RELATED, v.relatedResourceCodes() == null || v.relatedResourceCodes().isEmpty() ? null
            : String.join(",", v.relatedResourceCodes()));
        set(r, Column.R_LEGAL_BASIS, v.legalBasis());
        set(r, Column.R_KEYWORDS, v.keywords());
        if (withCode) {
            set(r, Column.R_CODE, v.code());
        }
        for (DataItemView item : v.dataItems()) {
            item(key, item, item.authoritativeSourceId() == null ? null
                : organizationNames.getOrDefault(item.authoritativeSourceId(), item.authoritativeSourceId().toString()));
        }
    }

    private void item(String key, DataItemView i, String source) {
        Row r = items.createRow(itemRow++);
        set(r, Column.I_KEY, key);
        set(r, Column.I_NAME, i.name());
        set(r, Column.I_CODE_NAME, i.codeName());
        set(r, Column.I_DATA_TYPE, Labels.of(i.dataType()));
        if (i.length() != null) {
            r.createCell(index(Column.I_LENGTH)).setCellValue(i.length());
        }
        set(r, Column.I_DESCRIPTION, i.description());
        set(r, Column.I_SENSITIVITY, Labels.of(i.sensitivity()));
        set(r, Column.I_SHARE_TYPE, Labels.of(i.shareType()));
        set(r, Column.I_SHARE_CONDITION, i.shareCondition());
        set(r, Column.I_LEGAL_BASIS, i.legalBasis());
        set(r, Column.I_STANDARD_NAME, i.standardName());
        set(r, Column.I_SOURCE, source);
        set(r, Column.I_KEY_ITEM, i.key() ? Labels.YES : Labels.NO);
    }

    private void set(Row row, Column column, String value) {
        if (value != null && !value.isEmpty()) {
            var cell = row.createCell(index(column));
            cell.setCellValue(value);
            cell.setCellStyle(text);
        }
    }

    private void setDate(Row row, Column column, LocalDate value) {
        if (value != null) {
            var cell = row.createCell(index(column));
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }

    private int index(Column column) {
        return columns(column.sheet).indexOf(column);
    }

    /** Adds the dropdowns down to well below the last row and writes the workbook. */
    void write(OutputStream out) throws IOException {
        validations(resources, Sheet.RESOURCES, Math.max(MIN_VALIDATED_ROWS, resourceRow + 1000));
        validations(items, Sheet.ITEMS, Math.max(MIN_VALIDATED_ROWS * 10, itemRow + 5000));
        wb.setActiveSheet(0);
        wb.write(out);
    }

    private void validations(SXSSFSheet sheet, Sheet which, int rows) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        List<Column> columns = columns(which);
        for (int i = 0; i < columns.size(); i++) {
            CodeList list = columns.get(i).list;
            if (list == null) {
                continue;
            }
            DataValidation v = helper.createValidation(helper.createFormulaListConstraint(list.rangeName()),
                new CellRangeAddressList(1, rows, i, i));
            v.setSuppressDropDownArrow(true);
            // the organization list is a suggestion (names change); codes and labels are binding
            v.setErrorStyle(list == CodeList.ORGANIZATION ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP);
            v.setShowErrorBox(true);
            v.createErrorBox(list.title, "请从下拉列表中选择。");
            sheet.addValidationData(v);
        }
    }

    @Override
    public void close() throws IOException {
        // close() also deletes SXSSF's temporary sheet files
        wb.close();
    }
}
