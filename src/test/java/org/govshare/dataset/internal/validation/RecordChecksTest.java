package org.govshare.dataset.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.ItemKind;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.internal.load.RowProblem;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecordChecksTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Path IDENTIFIERS = Paths.get("").toAbsolutePath()
        .resolve("../shared/testdata/identifiers.csv").normalize();

    private final DefaultRecordChecksFactory factory = new DefaultRecordChecksFactory(TODAY);

    static DataItemView item(String codeName, DataType type, Integer length, boolean key) {
        return item(codeName, codeName, null, type, length, key);
    }

    static DataItemView item(String codeName, String name, String standardName, DataType type, Integer length,
                             boolean key) {
        return new DataItemView(name, codeName, type, length, null, Sensitivity.INTERNAL, ShareType.UNCONDITIONAL, null,
            null, standardName, null, key);
    }

    static ResourceView resource(DataItemView... items) {
        return new ResourceView(UUID.randomUUID(), "R-TEST", "10101", UUID.randomUUID(), "test", null,
            ResourceFormat.DATABASE, ShareType.UNCONDITIONAL, null, ShareMode.PLATFORM, OpenType.NOT_OPEN, null,
            UpdateCycle.DAILY, LocalDate.of(2026, 1, 1), List.of(), null, null, List.of(items), ResourceStatus.PUBLISHED,
            1, null, null, 1, Instant.now());
    }

    /** One key item {@code id} plus the item under test {@code v}. */
    private RecordChecks single(DataType type, Integer length, ItemRule rule) {
        ResourceView r = resource(item("id", DataType.INTEGER, null, true), item("v", type, length, false));
        return factory.compile(r, rule == null ? List.of() : List.of(rule));
    }

    private static ItemRule rule(String codeName) {
        return new ItemRule(codeName, false, ItemKind.PLAIN, List.of(), null, null, null);
    }

    private static Object value(RecordChecks checks, String raw) {
        RecordChecks.Checked c = checks.check(1, new String[] {"1", raw});
        assertThat(c.problems()).as("problems of %s", raw).isEmpty();
        return c.values()[1];
    }

    private static RowProblem problem(RecordChecks checks, String raw) {
        RecordChecks.Checked c = checks.check(7, new String[] {"1", raw});
        assertThat(c.problems()).as("problems of %s", raw).hasSize(1);
        RowProblem p = c.problems().get(0);
        assertThat(p.row()).isEqualTo(7);
        assertThat(p.item()).isEqualTo("v");
        return p;
    }

    @Test
    void itemsAndKeysInCatalogOrder() {
        RecordChecks checks = factory.compile(resource(item("b", DataType.STRING, 10, false),
            item("a", DataType.INTEGER, null, true), item("c", DataType.DATE, null, true)), List.of());
        assertThat(checks.items()).containsExactly("b", "a", "c");
        assertThat(checks.keyItems()).containsExactly("a", "c");
        RecordChecks.Checked c = checks.check(2, new String[] {"x", " 42 ", "2024/3/5"});
        assertThat(c.ok()).isTrue();
        assertThat(c.values()).containsExactly("x", 42L, LocalDate.of(2024, 3, 5));
        assertThat(checks.key(c.values())).isEqualTo("42\u001f2024-03-05");
    }

    @Test
    void keyTextIsCanonical() {
        RecordChecks checks = factory.compile(resource(item("d", DataType.DECIMAL, 10, true)), List.of());
        assertThat(checks.key(checks.check(1, new String[] {"1.50"}).values()))
            .isEqualTo(checks.key(checks.check(2, new String[] {"1.5"}).values())).isEqualTo("1.5");
        assertThat(checks.key(checks.check(1, new String[] {"0.000"}).values())).isEqualTo("0");
        RecordChecks times = factory.compile(resource(item("t", DataType.DATETIME, null, true)), List.of());
        assertThat(times.key(times.check(1, new String[] {"2024-01-01T08:00:00+08:00"}).values()))
            .isEqualTo(times.key(times.check(1, new String[] {"2024-01-01T00:00:00Z"}).values()));
    }

    @Test
    void resourcesWithoutKeyItemsCompileWithoutKeysForThePipelineToRefuse() {
        assertThat(factory.compile(resource(item("a", DataType.STRING, 5, false)), List.of()).keyItems()).isEmpty();
    }

    @Test
    void keyItemsAreRequiredEvenWhenTheRuleSaysOtherwise() {
        ResourceView r = resource(item("id", DataType.STRING, 10, true), item("v", DataType.STRING, 10, false));
        RecordChecks checks = factory.compile(r, List.of(rule("id"), rule("v")));
        RecordChecks.Checked c = checks.check(3, new String[] {"  ", null});
        assertThat(c.problems()).extracting(RowProblem::row, RowProblem::item, RowProblem::value, RowProblem::code)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "id", "  ", "required"));
        assertThat(c.values()).containsOnlyNulls();
    }

    @Test
    void requiredByRule() {
        RecordChecks checks = single(DataType.STRING, 10, new ItemRule("v", true, null, null, null, null, null));
        assertThat(problem(checks, null).code()).isEqualTo("required");
        assertThat(problem(checks, "").code()).isEqualTo("required");
        assertThat(problem(checks, " \t ").code()).isEqualTo("required");
        assertThat(value(checks, "a")).isEqualTo("a");
        RecordChecks optional = single(DataType.STRING, 10, null);
        assertThat(value(optional, null)).isNull();
        assertThat(value(optional, "  ")).isNull();
    }

    @Test
    void shortRowsAreEmptyValues() {
        RecordChecks checks = single(DataType.STRING, 10, new ItemRule("v", true, null, null, null, null, null));
        assertThat(checks.check(1, new String[] {"1"}).problems()).extracting(RowProblem::code)
            .containsExactly("required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "42|42", "' 42 '|42", "+7|7", "-7|-7", "9223372036854775807|9223372036854775807",
        "-9223372036854775808|-9223372036854775808", "007|7"})
    void integers(String raw, long expected) {
        assertThat(value(single(DataType.INTEGER, null, null), raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.5", "abc", "1,000", "9223372036854775808", "-9223372036854775809", "+",
        "-", "1e3", "4 2", "0x10", "１２"})
    void notIntegers(String raw) {
        RowProblem p = problem(single(DataType.INTEGER, null, null), raw);
        assertThat(p.code()).isEqualTo("type-integer");
        assertThat(p.value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.5|1.5", "-0.25|-0.25", "+3|3", "12345678.90|12345678.90", ".5|0.5",
        "5.|5", "0.00001|0.00001", "00012.5|12.5"})
    void decimals(String raw, String expected) {
        assertThat(value(single(DataType.DECIMAL, 10, null), raw)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1,000.5", "1e5", "1.2.3", ".", "-", "abc", "1 000", "NaN"})
    void notDecimals(String raw) {
        assertThat(problem(single(DataType.DECIMAL, 10, null), raw).code()).isEqualTo("type-decimal");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12345|true", "123456|false", "1234.5|true", "1234.56|false", "0.12345|true",
        "0.123456|false", "-99999|true", "00099999|true"})
    void decimalPrecisionIsTheLengthInTotalDigits(String raw, boolean fits) {
        RecordChecks checks = single(DataType.DECIMAL, 5, null);
        if (fits) {
            value(checks, raw);
        } else {
            RowProblem p = problem(checks, raw);
            assertThat(p.code()).isEqualTo("decimal-precision");
            assertThat(p.args()).containsExactly(5);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2024-02-29|2024-02-29", "2024/2/9|2024-02-09", "2024/02/09|2024-02-09",
        "20240229|2024-02-29", "2000-02-29|2000-02-29", "' 2024-12-31 '|2024-12-31", "2024-1-05|2024-01-05"})
    void dates(String raw, LocalDate expected) {
        assertThat(value(single(DataType.DATE, null, null), raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-00-10",
        "20241301", "2024.01.01", "2024-01/01", "24-01-01", "2024-01-01T00:00", "01/02/2024", "2024年1月1日",
        "2024-001-01", "abcdefgh"})
    void notDates(String raw) {
        assertThat(problem(single(DataType.DATE, null, null), raw).code()).isEqualTo("type-date");
    }

    static Stream<Arguments> dateTimes() {
        return Stream.of(
            Arguments.of("2024-03-05 10:20:30", LocalDateTime.of(2024, 3, 5, 10, 20, 30)),
            Arguments.of("2024/03/05 10:20:30", LocalDateTime.of(2024, 3, 5, 10, 20, 30)),
            Arguments.of("2024-03-05T10:20", LocalDateTime.of(2024, 3, 5, 10, 20)),
            Arguments.of("2024-03-05T10:20:30.123", LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_000_000)),
            Arguments.of("2024-03-05T10:20:30Z",
                OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.UTC)),
            Arguments.of("2024-03-05T10:20:30+08:00",
                OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHours(8))),
            Arguments.of("2024-03-05T10:20:30.5-0530",
                OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 500_000_000, ZoneOffset.ofHoursMinutes(-5, -30))),
            Arguments.of("2024-02-29 23:59:59+08",
                OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHours(8))));
    }

    @ParameterizedTest
    @MethodSource("dateTimes")
    void dateTimesLocalOrWithOffset(String raw, Object expected) {
        assertThat(value(single(DataType.DATETIME, null, null), raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2024-03-05", "2023-02-29 10:00:00", "2024-03-05 24:00:00",
        "2024-03-05 10:60:00", "2024-03-05 10:20:61", "2024-03-05X10:20:30", "2024-03-05 10:20:30+19:00",
        "2024-03-05 10:20:30 +08:00", "2024-03-05 10", "2024-03-05 10:2", "2024-03-05T10:20:30.", "yesterday",
        "2024-03-05 10:20:30Zulu"})
    void notDateTimes(String raw) {
        assertThat(problem(single(DataType.DATETIME, null, null), raw).code()).isEqualTo("type-datetime");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|true", "TRUE|true", "False|false", "1|true", "0|false", "是|true",
        "否|false", "Y|true", "n|false", "yes|true", "NO|false"})
    void booleans(String raw, boolean expected) {
        assertThat(value(single(DataType.BOOLEAN, null, null), raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2", "T", "truth", "对", "-1", "on", "off"})
    void notBooleans(String raw) {
        assertThat(problem(single(DataType.BOOLEAN, null, null), raw).code()).isEqualTo("type-boolean");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"aGVsbG8=|hello", "aGVsbG8|hello", "aGk=|hi", "aGk|hi", "aGVsbA==|hell"})
    void binaryIsBase64(String raw, String latin1) {
        assertThat((byte[]) value(single(DataType.BINARY, null, null), raw))
            .isEqualTo(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void binaryKeepsEveryByte() {
        assertThat((byte[]) value(single(DataType.BINARY, null, null), "AAEC/w=="))
            .containsExactly(0, 1, 2, 0xff);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"aGVsbG8*", "a", "aGVsbG8==", "aGk==", "====", "aG Vs", "aGVs-_8="})
    void notBase64(String raw) {
        assertThat(problem(single(DataType.BINARY, null, null), raw).code()).isEqualTo("type-binary");
    }

    @Test
    void stringLengthCountsCharactersNotBytes() {
        RecordChecks checks = single(DataType.STRING, 3, null);
        assertThat(value(checks, "龙泉驿")).isEqualTo("龙泉驿");
        assertThat(value(checks, "𠀀𠀁𠀂")).isEqualTo("𠀀𠀁𠀂");
        RowProblem p = problem(checks, "龙泉驿区");
        assertThat(p.code()).isEqualTo("too-long");
        assertThat(p.args()).containsExactly(3);
        assertThat(problem(checks, "𠀀𠀁𠀂𠀃").code()).isEqualTo("too-long");
    }

    @Test
    void stringsAreTrimmed() {
        assertThat(value(single(DataType.STRING, 3, null), "  abc \t")).isEqualTo("abc");
    }

    @Test
    void controlCharactersAreRefusedButTabsAndLineBreaksKept() {
        RecordChecks checks = single(DataType.STRING, 100, null);
        assertThat(value(checks, "a\tb\nc\r\nd")).isEqualTo("a\tb\nc\r\nd");
        for (String bad : List.of("a\u0000b", "a\u0007b", "a\rb", "a\u001bb", "a\u007fb", "a\u0085b")) {
            assertThat(problem(checks, bad).code()).as("%s", bad.codePoints().toArray()).isEqualTo("control-character");
        }
    }

    @Test
    void longValuesAreCutTo200CharactersInTheReport() {
        RowProblem p = problem(single(DataType.STRING, 10, null), "x".repeat(1000));
        assertThat(p.value()).hasSize(200);
        RowProblem pair = problem(single(DataType.STRING, 10, null), "x".repeat(199) + "𠀀" + "y".repeat(50));
        assertThat(pair.value()).isEqualTo("x".repeat(199));
    }

    static Stream<Arguments> identifiers() throws IOException {
        assertThat(IDENTIFIERS).isRegularFile();
        List<String> lines = Files.readAllLines(IDENTIFIERS, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("type,value,valid,why");
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] cells = l.split(",", -1);
            return Arguments.of(cells[0], cells[1], Boolean.parseBoolean(cells[2]), cells[3]);
        });
    }

    @ParameterizedTest(name = "{0} {1} valid={2} ({3})")
    @MethodSource("identifiers")
    void identifiersOfTheSharedTestData(String type, String value, boolean valid, String why) {
        ItemKind kind = type.equals("resident_id") ? ItemKind.RESIDENT_ID : ItemKind.CREDIT_CODE;
        RecordChecks checks = single(DataType.STRING, 18, new ItemRule("v", false, kind, null, null, null, null));
        RecordChecks.Checked c = checks.check(9, new String[] {"1", value});
        if (valid) {
            assertThat(c.problems()).isEmpty();
            assertThat(c.values()[1]).isEqualTo(value.toUpperCase());
        } else {
            String code = kind == ItemKind.RESIDENT_ID ? "resident-id-invalid" : "credit-code-invalid";
            // 19 characters are also over the item's length: both problems are reported.
            assertThat(c.problems()).extracting(RowProblem::code).contains(code);
            RowProblem p = c.problems().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
            assertThat(p.args()).hasSize(1);
            assertThat(p.value()).isEqualTo(value);
        }
    }

    @Test
    void residentIdsWithLowerCaseXAreStoredUpperCase() {
        RecordChecks checks = single(DataType.STRING, 18, new ItemRule("v", false, ItemKind.RESIDENT_ID, null, null,
            null, null));
        assertThat(value(checks, "33010620010305050x")).isEqualTo("33010620010305050X");
        assertThat(problem(checks, "330106200103050500").args()).containsExactly("checkDigit");
    }

    @Test
    void kindsAreInferredFromStandardOrPlainNames() {
        ResourceView r = resource(
            item("sfzh", "证件号", "公民身份号码", DataType.STRING, 18, true),
            item("id2", "身份证件号码", null, DataType.STRING, 18, false),
            item("tyxydm", "代码", "统一社会信用代码", DataType.STRING, 18, false),
            item("xm", "姓名", null, DataType.STRING, 50, false),
            item("n", "身份证号", null, DataType.INTEGER, null, false));
        assertThat(factory.defaults(r)).containsExactly(
            new ItemRule("sfzh", true, ItemKind.RESIDENT_ID, List.of(), null, null, null),
            new ItemRule("id2", false, ItemKind.RESIDENT_ID, List.of(), null, null, null),
            new ItemRule("tyxydm", false, ItemKind.CREDIT_CODE, List.of(), null, null, null),
            new ItemRule("xm", false, ItemKind.PLAIN, List.of(), null, null, null),
            new ItemRule("n", false, ItemKind.PLAIN, List.of(), null, null, null));
        RecordChecks checks = factory.compile(r, List.of());
        RecordChecks.Checked c = checks.check(4, new String[] {"510108195701254046", "510108195701254047",
            "91510100MA61R0XX1X", "张三", "12"});
        assertThat(c.problems()).extracting(RowProblem::item, RowProblem::code).containsExactly(
            org.assertj.core.groups.Tuple.tuple("id2", "resident-id-invalid"),
            org.assertj.core.groups.Tuple.tuple("tyxydm", "credit-code-invalid"));
    }

    @Test
    void codeListMatchesExactlyAfterTrimming() {
        RecordChecks checks = single(DataType.STRING, 10, new ItemRule("v", false, null, List.of("男", " 女 ", "未知"),
            null, null, null));
        assertThat(value(checks, " 女")).isEqualTo("女");
        assertThat(value(checks, "男")).isEqualTo("男");
        RowProblem p = problem(checks, "M");
        assertThat(p.code()).isEqualTo("not-in-code-list");
        assertThat(p.args()).containsExactly(3);
        assertThat(problem(checks, "男性").code()).isEqualTo("not-in-code-list");
        RecordChecks ints = single(DataType.INTEGER, null, new ItemRule("v", false, null, List.of("1", "2"), null,
            null, null));
        assertThat(value(ints, "2")).isEqualTo(2L);
        assertThat(problem(ints, "3").code()).isEqualTo("not-in-code-list");
    }

    @Test
    void patternMustMatchTheWholeValue() {
        RecordChecks checks = single(DataType.STRING, 20, new ItemRule("v", false, null, null, "[0-9]{3}-[0-9]{4}",
            null, null));
        assertThat(value(checks, "028-1234")).isEqualTo("028-1234");
        RowProblem p = problem(checks, "028-12345");
        assertThat(p.code()).isEqualTo("pattern-mismatch");
        assertThat(p.args()).containsExactly("[0-9]{3}-[0-9]{4}");
        assertThat(problem(checks, "x028-1234").code()).isEqualTo("pattern-mismatch");
    }

    @Test
    void integerRanges() {
        RecordChecks checks = single(DataType.INTEGER, null, new ItemRule("v", false, null, null, null,
            new BigDecimal("0.5"), new BigDecimal("150")));
        assertThat(value(checks, "1")).isEqualTo(1L);
        assertThat(value(checks, "150")).isEqualTo(150L);
        RowProblem low = problem(checks, "0");
        assertThat(low.code()).isEqualTo("below-min");
        assertThat(low.args()).containsExactly("0.5");
        RowProblem high = problem(checks, "151");
        assertThat(high.code()).isEqualTo("above-max");
        assertThat(high.args()).containsExactly("150");
        RecordChecks huge = single(DataType.INTEGER, null, new ItemRule("v", false, null, null, null,
            new BigDecimal("-1e30"), new BigDecimal("1e30")));
        assertThat(value(huge, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void decimalRanges() {
        RecordChecks checks = single(DataType.DECIMAL, 10, new ItemRule("v", false, null, null, null,
            new BigDecimal("-1.5"), new BigDecimal("99.99")));
        assertThat(value(checks, "-1.50")).isEqualTo(new BigDecimal("-1.50"));
        assertThat(value(checks, "99.99")).isEqualTo(new BigDecimal("99.99"));
        assertThat(problem(checks, "-1.51").code()).isEqualTo("below-min");
        assertThat(problem(checks, "99.991").code()).isEqualTo("above-max");
    }

    @Test
    void everyProblemOfARowIsReported() {
        ResourceView r = resource(
            item("id", DataType.STRING, 18, true),
            item("n", DataType.INTEGER, null, false),
            item("d", DataType.DATE, null, false),
            item("s", DataType.STRING, 4, false),
            item("ok", DataType.BOOLEAN, null, false));
        RecordChecks checks = factory.compile(r, List.of(
            new ItemRule("id", true, ItemKind.RESIDENT_ID, null, null, null, null),
            new ItemRule("s", false, null, null, "[a-z]+", null, null)));
        RecordChecks.Checked c = checks.check(12, new String[] {"510108195701254047", "x", "2024-02-30", "ABCDE\u0001",
            "是"});
        assertThat(c.ok()).isFalse();
        assertThat(c.problems()).extracting(RowProblem::item, RowProblem::code).containsExactly(
            org.assertj.core.groups.Tuple.tuple("id", "resident-id-invalid"),
            org.assertj.core.groups.Tuple.tuple("n", "type-integer"),
            org.assertj.core.groups.Tuple.tuple("d", "type-date"),
            org.assertj.core.groups.Tuple.tuple("s", "too-long"),
            org.assertj.core.groups.Tuple.tuple("s", "control-character"),
            org.assertj.core.groups.Tuple.tuple("s", "pattern-mismatch"));
        assertThat(c.problems()).allSatisfy(p -> assertThat(p.row()).isEqualTo(12));
        assertThat(c.values()[4]).isEqualTo(Boolean.TRUE);
    }

    @Test
    void rulesForItemsNoLongerPublishedAreIgnoredWhenCompiling() {
        RecordChecks checks = factory.compile(resource(item("id", DataType.INTEGER, null, true)),
            List.of(rule("gone")));
        assertThat(checks.items()).containsExactly("id");
    }

    // --- rule validation -------------------------------------------------------------------------

    private static final ResourceView RULED = resource(
        item("id", DataType.STRING, 18, true),
        item("n", DataType.INTEGER, null, false),
        item("amount", DataType.DECIMAL, 12, false),
        item("day", DataType.DATE, null, false),
        item("name", DataType.STRING, 50, false));

    private List<Violation> violations(ItemRule... rules) {
        return factory.checkRules(RULED, Arrays.asList(rules));
    }

    @Test
    void soundRulesPass() {
        assertThat(violations(
            new ItemRule("id", true, ItemKind.RESIDENT_ID, null, null, null, null),
            new ItemRule("n", false, null, List.of("1", "2"), "[12]", BigDecimal.ONE, new BigDecimal("2")),
            new ItemRule("amount", false, null, null, null, new BigDecimal("-1.5"), new BigDecimal("-1.5")),
            new ItemRule("name", true, ItemKind.PLAIN, Collections.nCopies(1000, "x"), "x".repeat(500), null, null)))
            .isEmpty();
        factory.validateRules(RULED, List.of());
    }

    @Test
    void unknownRepeatedAndUnnamedItems() {
        assertThat(violations(rule("nope"), rule("n"), rule("n"), new ItemRule(null, false, null, null, null, null,
            null))).containsExactly(
            Violation.of("rules[0].codeName", "dataset-rule-item-unknown", "nope"),
            Violation.of("rules[2].codeName", "dataset-rule-item-duplicate", "n"),
            Violation.of("rules[3].codeName", "required", "rules[3].codeName"));
    }

    @Test
    void patternsMustCompileAndStayShort() {
        List<Violation> v = violations(new ItemRule("name", false, null, null, "x".repeat(501), null, null),
            new ItemRule("id", false, null, null, "([a-z]", null, null));
        assertThat(v).extracting(Violation::field, Violation::code).containsExactly(
            org.assertj.core.groups.Tuple.tuple("rules[0].pattern", "dataset-rule-pattern-too-long"),
            org.assertj.core.groups.Tuple.tuple("rules[1].pattern", "dataset-rule-pattern-invalid"));
        assertThat(v.get(0).args()).containsExactly(500);
    }

    @Test
    void rangesOnlyOnNumbersAndInOrder() {
        assertThat(violations(
            new ItemRule("day", false, null, null, null, BigDecimal.ONE, null),
            new ItemRule("name", false, null, null, null, null, BigDecimal.TEN),
            new ItemRule("n", false, null, null, null, BigDecimal.TEN, BigDecimal.ONE)))
            .containsExactly(
                Violation.of("rules[0].min", "dataset-rule-range-not-numeric", "DATE"),
                Violation.of("rules[1].max", "dataset-rule-range-not-numeric", "STRING"),
                Violation.of("rules[2].min", "dataset-rule-min-above-max", "10", "1"));
    }

    @Test
    void codeListsAreBounded() {
        List<String> tooMany = Collections.nCopies(1001, "x");
        List<String> values = new ArrayList<>(List.of("a", " ", "y".repeat(201), ""));
        assertThat(violations(new ItemRule("name", false, null, tooMany, null, null, null),
            new ItemRule("n", false, null, values, null, null, null)))
            .containsExactly(
                Violation.of("rules[0].allowedValues", "dataset-rule-too-many-values", 1000),
                Violation.of("rules[1].allowedValues[1]", "dataset-rule-value-blank"),
                Violation.of("rules[1].allowedValues[2]", "dataset-rule-value-too-long", 200),
                Violation.of("rules[1].allowedValues[3]", "dataset-rule-value-blank"));
    }

    @Test
    void identifierKindsOnlyOnStrings() {
        assertThat(violations(new ItemRule("n", false, ItemKind.CREDIT_CODE, null, null, null, null)))
            .containsExactly(Violation.of("rules[0].kind", "dataset-rule-kind-not-string", "CREDIT_CODE", "INTEGER"));
        assertThatThrownBy(() -> factory.validateRules(RULED,
            List.of(new ItemRule("day", false, ItemKind.RESIDENT_ID, null, null, null, null))))
            .isInstanceOfSatisfying(ViolationsException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("rules[0].kind"));
    }

    /** A million checks of a typical 12-item row: must simply complete with bounded garbage (no timing asserted). */
    @Test
    void aMillionRowsGoThrough() {
        RecordChecks checks = factory.compile(twelveItems(), List.of());
        String[] row = twelveValues();
        long ok = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (checks.check(i, row).ok()) {
                ok++;
            }
        }
        assertThat(ok).isEqualTo(1_000_000);
    }

    static ResourceView twelveItems() {
        return resource(
            item("sfzh", "公民身份号码", "公民身份号码", DataType.STRING, 18, true),
            item("xm", DataType.STRING, 50, false),
            item("xb", DataType.STRING, 2, false),
            item("csrq", DataType.DATE, null, false),
            item("nl", DataType.INTEGER, null, false),
            item("sr", DataType.DECIMAL, 12, false),
            item("dz", DataType.STRING, 200, false),
            item("dh", DataType.STRING, 20, false),
            item("hy", DataType.BOOLEAN, null, false),
            item("gxsj", DataType.DATETIME, null, false),
            item("jd", DataType.STRING, 50, false),
            item("bz", DataType.STRING, 500, false));
    }

    static String[] twelveValues() {
        return new String[] {"510108195701254046", "张三", "女", "1957-01-25", "69", "12345.67", "四川省成都市龙泉驿区龙泉街道 1 号",
            "028-88888888", "是", "2026-11-26 10:00:00", "龙泉街道", "无"};
    }
}
