package org.govshare.dataset.internal.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ItemKind;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.internal.load.RowProblem;
import org.govshare.dataset.internal.validation.CompiledRecordChecks.Constraint;
import org.govshare.dataset.internal.validation.CompiledRecordChecks.ItemCheck;
import org.govshare.dataset.internal.validation.CompiledRecordChecks.Parser;
import org.govshare.platform.CreditCode;
import org.govshare.platform.ResidentId;
import org.govshare.platform.ValidationResult;
import org.govshare.platform.Violation;
import org.springframework.stereotype.Component;

/**
 * Compiles the checks of a published resource version and its provider's rules, and checks rules
 * before they are stored. Every decision that depends on the item (type, length, kind, code list,
 * pattern, range) is taken here once, so the per-row loop in {@link CompiledRecordChecks} only runs
 * what applies.
 */
@Component
class DefaultRecordChecksFactory implements RecordChecksFactory {

    static final int MAX_PATTERN_LENGTH = 500;
    static final int MAX_ALLOWED_VALUES = 1000;
    static final int MAX_ALLOWED_VALUE_LENGTH = 200;

    /** Standard names (and plain names) of items that hold resident identity numbers / credit codes. */
    private static final Set<String> RESIDENT_ID_NAMES = Set.of("公民身份号码", "身份证号", "身份证号码", "身份证件号码",
        "居民身份证号码");
    private static final Set<String> CREDIT_CODE_NAMES = Set.of("统一社会信用代码");

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    DefaultRecordChecksFactory() {
        this(Clock.system(CHINA));
    }

    DefaultRecordChecksFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<ItemRule> defaults(ResourceView published) {
        return published.dataItems().stream().map(DefaultRecordChecksFactory::defaultRule).toList();
    }

    static ItemRule defaultRule(DataItemView item) {
        return new ItemRule(item.codeName(), item.key(), inferKind(item), List.of(), null, null, null);
    }

    static ItemKind inferKind(DataItemView item) {
        if (item.dataType() != DataType.STRING) {
            return ItemKind.PLAIN;
        }
        if (named(item, RESIDENT_ID_NAMES)) {
            return ItemKind.RESIDENT_ID;
        }
        if (named(item, CREDIT_CODE_NAMES)) {
            return ItemKind.CREDIT_CODE;
        }
        return ItemKind.PLAIN;
    }

    private static boolean named(DataItemView item, Set<String> names) {
        return (item.standardName() != null && names.contains(item.standardName().strip()))
            || (item.name() != null && names.contains(item.name().strip()));
    }

    @Override
    public RecordChecks compile(ResourceView published, List<ItemRule> rules) {
        Map<String, ItemRule> byName = new HashMap<>();
        for (ItemRule r : rules == null ? List.<ItemRule>of() : rules) {
            if (r != null && r.codeName() != null) {
                byName.put(r.codeName(), r);
            }
        }
        List<ItemCheck> checks = new ArrayList<>();
        for (DataItemView item : published.dataItems()) {
            ItemRule rule = byName.get(item.codeName());
            checks.add(compile(item, rule == null ? defaultRule(item) : rule));
        }
        return new CompiledRecordChecks(checks);
    }

    private ItemCheck compile(DataItemView item, ItemRule rule) {
        DataType type = item.dataType();
        Integer length = item.length();
        ItemKind kind = type == DataType.STRING ? rule.kind() : ItemKind.PLAIN;
        List<Constraint> constraints = new ArrayList<>();
        Parser parser;
        String typeCode;
        Object[] typeArgs = new Object[0];
        switch (type) {
            case INTEGER -> {
                parser = TextValues::parseLong;
                typeCode = "type-integer";
            }
            case DECIMAL -> {
                parser = TextValues::parseDecimal;
                typeCode = "type-decimal";
                if (length != null && length > 0) {
                    int maxDigits = length;
                    constraints.add((row, name, text, value) -> TextValues.totalDigits((BigDecimal) value) > maxDigits
                        ? new RowProblem(row, name, CompiledRecordChecks.cut(text), "decimal-precision", maxDigits)
                        : null);
                }
            }
            case DATE -> {
                parser = TextValues::parseDate;
                typeCode = "type-date";
            }
            case DATETIME -> {
                parser = TextValues::parseDateTime;
                typeCode = "type-datetime";
            }
            case BOOLEAN -> {
                parser = TextValues::parseBoolean;
                typeCode = "type-boolean";
            }
            case BINARY -> {
                parser = TextValues::parseBase64;
                typeCode = "type-binary";
            }
            default -> {
                typeCode = "type-string";
                parser = switch (kind) {
                    case RESIDENT_ID -> DefaultRecordChecksFactory::upperLastX;
                    case CREDIT_CODE -> text -> text.toUpperCase(Locale.ROOT);
                    default -> text -> text;
                };
                if (length != null && length > 0) {
                    int max = length;
                    constraints.add((row, name, text, value) -> tooLong(text, max)
                        ? new RowProblem(row, name, CompiledRecordChecks.cut(text), "too-long", max)
                        : null);
                }
                constraints.add((row, name, text, value) -> hasControlCharacter(text)
                    ? new RowProblem(row, name, CompiledRecordChecks.cut(text), "control-character")
                    : null);
                if (kind == ItemKind.RESIDENT_ID) {
                    Clock c = clock;
                    constraints.add((row, name, text, value) -> {
                        ValidationResult r = ResidentId.check((String) value, c);
                        return r.valid() ? null
                            : new RowProblem(row, name, CompiledRecordChecks.cut(text), "resident-id-invalid", r.rule());
                    });
                } else if (kind == ItemKind.CREDIT_CODE) {
                    constraints.add((row, name, text, value) -> {
                        ValidationResult r = CreditCode.check((String) value);
                        return r.valid() ? null
                            : new RowProblem(row, name, CompiledRecordChecks.cut(text), "credit-code-invalid", r.rule());
                    });
                }
            }
        }
        if (!rule.allowedValues().isEmpty()) {
            Set<String> allowed = new HashSet<>();
            for (String v : rule.allowedValues()) {
                if (v != null) {
                    allowed.add(v.strip());
                }
            }
            int count = allowed.size();
            constraints.add((row, name, text, value) -> allowed.contains(text) ? null
                : new RowProblem(row, name, CompiledRecordChecks.cut(text), "not-in-code-list", count));
        }
        if (rule.pattern() != null && !rule.pattern().isEmpty()) {
            Pattern pattern = compilePattern(rule.pattern());
            if (pattern != null) {
                String shown = rule.pattern();
                constraints.add((row, name, text, value) -> pattern.matcher(text).matches() ? null
                    : new RowProblem(row, name, CompiledRecordChecks.cut(text), "pattern-mismatch", shown));
            }
        }
        if (type == DataType.INTEGER) {
            addLongRange(constraints, rule.min(), rule.max());
        } else if (type == DataType.DECIMAL) {
            addDecimalRange(constraints, rule.min(), rule.max());
        }
        return new ItemCheck(item.codeName(), item.key(), item.key() || rule.required(), parser, typeCode, typeArgs,
            constraints.toArray(Constraint[]::new));
    }

    private static void addLongRange(List<Constraint> constraints, BigDecimal min, BigDecimal max) {
        if (min != null) {
            String shown = min.toPlainString();
            long bound = longBound(min.setScale(0, RoundingMode.CEILING));
            constraints.add((row, name, text, value) -> (Long) value < bound
                ? new RowProblem(row, name, CompiledRecordChecks.cut(text), "below-min", shown) : null);
        }
        if (max != null) {
            String shown = max.toPlainString();
            long bound = longBound(max.setScale(0, RoundingMode.FLOOR));
            constraints.add((row, name, text, value) -> (Long) value > bound
                ? new RowProblem(row, name, CompiledRecordChecks.cut(text), "above-max", shown) : null);
        }
    }

    private static long longBound(BigDecimal whole) {
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return whole.longValueExact();
    }

    private static void addDecimalRange(List<Constraint> constraints, BigDecimal min, BigDecimal max) {
        if (min != null) {
            String shown = min.toPlainString();
            constraints.add((row, name, text, value) -> ((BigDecimal) value).compareTo(min) < 0
                ? new RowProblem(row, name, CompiledRecordChecks.cut(text), "below-min", shown) : null);
        }
        if (max != null) {
            String shown = max.toPlainString();
            constraints.add((row, name, text, value) -> ((BigDecimal) value).compareTo(max) > 0
                ? new RowProblem(row, name, CompiledRecordChecks.cut(text), "above-max", shown) : null);
        }
    }

    private static String upperLastX(String text) {
        int last = text.length() - 1;
        return text.charAt(last) == 'x' ? text.substring(0, last) + 'X' : text;
    }

    /** Longer than {@code max} characters, counting a surrogate pair (e.g. a rare CJK character) as one. */
    static boolean tooLong(String text, int max) {
        int len = text.length();
        if (len <= max) {
            return false;
        }
        return text.codePointCount(0, len) > max;
    }

    /** C0 and C1 control characters other than tab, line feed and a carriage return that ends a line (CR LF). */
    static boolean hasControlCharacter(String text) {
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c == '\t' || c == '\n' || (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n')) {
                    continue;
                }
                return true;
            }
            if (c >= 0x7f && c <= 0x9f) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compilePattern(String pattern) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            return null;
        }
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            // Refused when the rule was saved; a stored rule that no longer compiles is not applied.
            return null;
        }
    }

    @Override
    public List<Violation> checkRules(ResourceView published, List<ItemRule> rules) {
        List<Violation> v = new ArrayList<>();
        if (rules == null) {
            return v;
        }
        Map<String, DataItemView> items = new HashMap<>();
        for (DataItemView item : published.dataItems()) {
            items.put(item.codeName(), item);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            ItemRule r = rules.get(i);
            String at = "rules[" + i + "]";
            if (r == null || r.codeName() == null || r.codeName().isBlank()) {
                v.add(Violation.of(at + ".codeName", "required", at + ".codeName"));
                continue;
            }
            DataItemView item = items.get(r.codeName());
            if (item == null) {
                v.add(Violation.of(at + ".codeName", "dataset-rule-item-unknown", r.codeName()));
                continue;
            }
            if (!seen.add(r.codeName())) {
                v.add(Violation.of(at + ".codeName", "dataset-rule-item-duplicate", r.codeName()));
            }
            boolean numeric = item.dataType() == DataType.INTEGER || item.dataType() == DataType.DECIMAL;
            if (r.kind() != ItemKind.PLAIN && item.dataType() != DataType.STRING) {
                v.add(Violation.of(at + ".kind", "dataset-rule-kind-not-string", r.kind().name(),
                    item.dataType().name()));
            }
            if (r.pattern() != null && !r.pattern().isEmpty()) {
                if (r.pattern().length() > MAX_PATTERN_LENGTH) {
                    v.add(Violation.of(at + ".pattern", "dataset-rule-pattern-too-long", MAX_PATTERN_LENGTH));
                } else {
                    try {
                        Pattern.compile(r.pattern());
                    } catch (PatternSyntaxException e) {
                        v.add(Violation.of(at + ".pattern", "dataset-rule-pattern-invalid", e.getDescription(),
                            e.getIndex()));
                    }
                }
            }
            if (!numeric) {
                if (r.min() != null) {
                    v.add(Violation.of(at + ".min", "dataset-rule-range-not-numeric", item.dataType().name()));
                }
                if (r.max() != null) {
                    v.add(Violation.of(at + ".max", "dataset-rule-range-not-numeric", item.dataType().name()));
                }
            } else if (r.min() != null && r.max() != null && r.min().compareTo(r.max()) > 0) {
                v.add(Violation.of(at + ".min", "dataset-rule-min-above-max", r.min().toPlainString(),
                    r.max().toPlainString()));
            }
            List<String> allowed = r.allowedValues();
            if (allowed.size() > MAX_ALLOWED_VALUES) {
                v.add(Violation.of(at + ".allowedValues", "dataset-rule-too-many-values", MAX_ALLOWED_VALUES));
            } else {
                for (int j = 0; j < allowed.size(); j++) {
                    String value = allowed.get(j);
                    String field = at + ".allowedValues[" + j + "]";
                    if (value == null || value.isBlank()) {
                        v.add(Violation.of(field, "dataset-rule-value-blank"));
                    } else if (value.strip().codePointCount(0, value.strip().length()) > MAX_ALLOWED_VALUE_LENGTH) {
                        v.add(Violation.of(field, "dataset-rule-value-too-long", MAX_ALLOWED_VALUE_LENGTH));
                    }
                }
            }
        }
        return v;
    }
}
