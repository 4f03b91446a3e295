package org.govshare.sharing;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one rule by which a call's purpose (X-Purpose) is matched to the purposes its grant was
 * approved for. Both sides are compared after NFKC (full-width letters, digits and spaces become
 * their plain forms) and with every run of white space made one space, so a client need not
 * reproduce the application's exact typing, only its words.
 */
public final class Purposes {

    /** A purpose must fit in a header: at most this many characters (code points). */
    public static final int MAX_LENGTH = 200;
    /** An application states at most this many purposes. */
    public static final int MAX_COUNT = 20;

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Purposes() {
    }

    /** The comparable form of a purpose; null stays null. */
    public static String normalized(String purpose) {
        if (purpose == null) {
            return null;
        }
        String nfkc = Normalizer.isNormalized(purpose, Normalizer.Form.NFKC) ? purpose
            : Normalizer.normalize(purpose, Normalizer.Form.NFKC);
        return SPACES.matcher(nfkc.strip()).replaceAll(" ");
    }

    /** Whether a purpose can be stated: not blank, short enough for a header, no control characters. */
    public static boolean wellFormed(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.codePointCount(0, purpose.length()) > MAX_LENGTH) {
            return false;
        }
        return purpose.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL);
    }
}
