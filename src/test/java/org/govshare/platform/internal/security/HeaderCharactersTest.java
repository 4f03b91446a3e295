package org.govshare.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop decides exactly what StrictHttpFirewall's default regular expressions decide. */
class HeaderCharactersTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneIsJudgedAsTheRegularExpressionsJudgeIt() {
        int allowed = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            assertThat(HeaderCharacters.name(s)).as("name U+%04X", cp).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.value(s)).as("value U+%04X", cp).isEqualTo(VALUES.matcher(s).matches());
            allowed += HeaderCharacters.value(s) ? 1 : 0;
        }
        assertThat(HeaderCharacters.value("\t")).isTrue();
        assertThat(HeaderCharacters.name("\t")).isFalse();
        assertThat(allowed).isGreaterThan(100_000);
    }

    @Test
    void randomStringsMixingAsciiControlsSurrogatesAndUnassignedAreJudgedAlike() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int[] pool = {'a', 'Z', ' ', '%', '~', '\t', '\n', 0x7F, 0x85, 0xA0, 0xE9, 0x4E2D, 0xD800, 0xDC00, 0x0378,
            0xFFFF, 0x1F600, 0xE0001, 0x10FFFF};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.appendCodePoint(random.nextBoolean() ? pool[random.nextInt(pool.length)] : 0x20 + random.nextInt(95));
            }
            String s = sb.toString();
            assertThat(HeaderCharacters.name(s)).as("seed %d: name %s", seed, s.codePoints().boxed().toList())
                .isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.value(s)).as("seed %d: value %s", seed, s.codePoints().boxed().toList())
                .isEqualTo(VALUES.matcher(s).matches());
        }
    }
}
