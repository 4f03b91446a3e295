package org.govshare.catalog.internal.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * Formats highlighted passages as escaped HTML with {@code <mark>}. The highlighter reports every
 * matching bigram; overlapping ones are joined into one span, and a span is marked only if it
 * contains a whole keyword, so "执照" alone is not marked when the search was for 营业执照.
 */
final class KeywordMarks extends PassageFormatter {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";

    private final List<String> keywords;

    KeywordMarks(List<String> keywords) {
        this.keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Object format(Passage[] passages, String content) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (Passage p : passages) {
            if (p.getStartOffset() > pos && pos > 0) {
                sb.append("… ");
            }
            pos = p.getStartOffset();
            int[] starts = p.getMatchStarts();
            int[] ends = p.getMatchEnds();
            int i = 0;
            while (i < p.getNumMatches()) {
                int start = Math.max(starts[i], pos);
                int end = ends[i];
                while (i + 1 < p.getNumMatches() && starts[i + 1] <= end) {
                    end = Math.max(end, ends[++i]);
                }
                i++;
                if (end <= start) {
                    continue;
                }
                sb.append(escape(content.substring(pos, start)));
                String span = content.substring(start, end);
                if (whole(span)) {
                    sb.append(OPEN).append(escape(span)).append(CLOSE);
                } else {
                    sb.append(escape(span));
                }
                pos = end;
            }
            sb.append(escape(content.substring(pos, Math.max(pos, p.getEndOffset()))));
            pos = Math.max(pos, p.getEndOffset());
        }
        return sb.toString();
    }

    private boolean whole(String span) {
        String s = span.toLowerCase(Locale.ROOT);
        for (String k : keywords) {
            if (s.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
