package org.govshare.platform;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Suggests a machine code name for a Chinese label the way Chinese catalogs write them: the
 * pinyin initials (注册资本 → zczb), ASCII letters and digits kept, everything lower case, always
 * starting with a letter.
 */
public final class CodeNames {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    }

    private CodeNames() {
    }

    public static String suggest(String label) {
        StringBuilder sb = new StringBuilder();
        for (char c : label.trim().toCharArray()) {
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    sb.append(Character.toLowerCase(c));
                }
                continue;
            }
            try {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                    sb.append(readings[0].charAt(0));
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
        String code = sb.toString().toLowerCase(Locale.ROOT);
        if (code.isEmpty() || !Character.isLetter(code.charAt(0))) {
            code = "f" + code;
        }
        return code.length() > 64 ? code.substring(0, 64) : code;
    }
}
