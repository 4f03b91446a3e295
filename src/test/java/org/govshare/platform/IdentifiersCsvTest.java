package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentifiersCsvTest {

    private static final Path CSV = Paths.get("").toAbsolutePath()
            .resolve("../shared/testdata/identifiers.csv").normalize();

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    // Every distinct "why" of the shared file (cut -d, -f4 | sort | uniq -c) and its rule code.
    private static final Map<String, String> RULE_BY_REASON = Map.of(
            "17 characters", ValidationResult.LENGTH,
            "19 characters", ValidationResult.LENGTH,
            "letter in digits", ValidationResult.CHARSET,
            "forbidden letter", ValidationResult.CHARSET,
            "impossible birth date", ValidationResult.BIRTH_DATE,
            "wrong check digit", ValidationResult.CHECK_DIGIT,
            "wrong check character", ValidationResult.CHECK_DIGIT);

    static Stream<Arguments> rows() throws IOException {
        assertThat(CSV).as("shared test data %s (expected next to the project directory)", CSV)
                .isRegularFile();
        List<String> lines = Files.readAllLines(CSV, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("type,value,valid,why");
        List<String> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        assertThat(data).as("rows in %s", CSV).isNotEmpty();
        return data.stream().map(line -> {
            String[] cells = line.split(",", -1);
            assertThat(cells).as("columns of row '%s'", line).hasSize(4);
            return Arguments.of(cells[0], cells[1], Boolean.parseBoolean(cells[2]), cells[3]);
        });
    }

    @ParameterizedTest(name = "{0} {1} valid={2} ({3})")
    @MethodSource("rows")
    void validityAndRuleMatchTheSharedTestData(String type, String value, boolean valid, String why) {
        ValidationResult result = check(type, value);

        assertThat(result.valid()).as("valid").isEqualTo(valid);
        if (!valid) {
            assertThat(RULE_BY_REASON).as("rule mapping for reason '%s'", why).containsKey(why);
            assertThat(result.rule()).as("rule").isEqualTo(RULE_BY_REASON.get(why));
        }
    }

    private static ValidationResult check(String type, String value) {
        return switch (type) {
            case "resident_id" -> ResidentId.check(value, TODAY);
            case "uscc", "credit_code" -> CreditCode.check(value);
            default -> throw new AssertionError("unknown identifier type in csv: " + type);
        };
    }
}
