package org.govshare.catalog.internal.search;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks the keywords in the texts a hit shows, as escaped HTML with {@code <mark>}. A keyword
 * matches wherever it is a substring (after the width folding and lower-casing the bigram index
 * applies), which is exactly what the bigram phrase found; overlapping matches join into one mark.
 * Plain string matching on the few shown values is much cheaper per hit than re-analysing them
 * with a highlighter.
 */
final class Highlights {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final String SENTENCE_ENDS = "。！？；!?;";

    private final char[][] keywords;

    Highlights(List<String> keywords) {
        this.keywords = keywords.stream().map(k -> fold(k).toCharArray()).filter(k -> k.length > 0)
            .toArray(char[][]::new);
    }

    /** The whole text with its matches marked, or null when nothing matches. */
    String whole(String text) {
        if (text == null) {
            return null;
        }
        int[] spans = spans(text);
        return spans.length == 0 ? null : render(text, spans, 0, text.length());
    }

    /**
     * About {@code goal} characters of the text around its first match, starting at the sentence
     * that holds it where possible; null when nothing matches.
     */
    String passage(String text, int goal) {
        if (text == null) {
            return null;
        }
        int[] spans = spans(text);
        if (spans.length == 0) {
            return null;
        }
        if (text.length() <= goal) {
            return render(text, spans, 0, text.length());
        }
        int first = spans[0];
        int start = 0;
        for (int i = first - 1; i >= 0; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        if (first - start > goal / 2) {
            start = Math.max(0, first - goal / 3);
        }
        int end = Math.min(text.length(), start + goal);
        for (int i = 0; i < spans.length; i += 2) { // never cut a mark in two
            if (spans[i] < end && spans[i + 1] > end) {
                end = spans[i + 1];
            }
        }
        return (start > 0 ? "…" : "") + render(text, spans, start, end) + (end < text.length() ? "…" : "");
    }

    /** The values with a match, marked, at most {@code max}. */
    List<String> matching(String[] values, int max) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (out.size() >= max) {
                break;
            }
            String marked = whole(v);
            if (marked != null) {
                out.add(marked.strip());
            }
        }
        return out;
    }

    /** Match intervals as [start0, end0, start1, end1, ...], sorted and merged. */
    private int[] spans(String text) {
        if (keywords.length == 0 || text.isEmpty()) {
            return new int[0];
        }
        char[] folded = fold(text).toCharArray();
        boolean[] marked = new boolean[folded.length];
        boolean any = false;
        for (char[] k : keywords) {
            for (int i = 0; i + k.length <= folded.length; i++) {
                if (startsWith(folded, i, k)) {
                    for (int j = i; j < i + k.length; j++) {
                        marked[j] = true;
                    }
                    any = true;
                }
            }
        }
        if (!any) {
            return new int[0];
        }
        List<Integer> spans = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                spans.add(i);
            }
            if (marked[i] && (i + 1 == marked.length || !marked[i + 1])) {
                spans.add(i + 1);
            }
        }
        return spans.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String render(String text, int[] spans, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from + 32);
        int pos = from;
        for (int i = 0; i < spans.length; i += 2) {
            int s = Math.max(spans[i], from);
            int e = Math.min(spans[i + 1], to);
            if (e <= s) {
                continue;
            }
            sb.append(HtmlUtils.htmlEscape(text.substring(pos, s)));
            sb.append(OPEN).append(HtmlUtils.htmlEscape(text.substring(s, e))).append(CLOSE);
            pos = e;
        }
        sb.append(HtmlUtils.htmlEscape(text.substring(pos, to)));
        return sb.toString();
    }

    private static boolean startsWith(char[] text, int at, char[] k) {
        for (int j = 0; j < k.length; j++) {
            if (text[at + j] != k[j]) {
                return false;
            }
        }
        return true;
    }

    /** Full-width ASCII to half width and lower case, one char for one char so offsets stay. */
    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            out[i] = Character.toLowerCase(c);
        }
        return new String(out);
    }
}
