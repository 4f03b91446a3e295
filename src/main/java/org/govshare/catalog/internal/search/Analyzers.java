package org.govshare.catalog.internal.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The two analyses of Chinese text. smartcn segments words (企业法定代表人 → 企业/法定/代表人) and
 * ranks well, but misses substrings that straddle its word boundaries; the bigram fields index
 * every pair of adjacent characters (and every single character), so any 2+ character substring
 * is found as a phrase of bigrams.
 */
final class Analyzers {

    /** Suffix of the bigram twin of a text field. */
    static final String BIGRAM = "_bi";

    private Analyzers() {
    }

    /** Unigrams and bigrams, so single-character queries match too. */
    static Analyzer bigram() {
        return new Bigram();
    }

    /** A term of an analysed text at its position. */
    record Positioned(String term, int position) {
    }

    /**
     * The bigram terms of a query text with the positions the index gave them, for a phrase that
     * matches exactly where the text is a substring. The index puts every character's unigram at
     * its own position and the bigram starting there at the same position, so a run of n
     * characters spans n positions; unigrams are kept only where no bigram covers them (a lone
     * character), since every bigram implies its two unigrams.
     */
    static List<Positioned> substringTerms(Analyzer bigramIndex, String field, String text) {
        List<Positioned> all = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (TokenStream ts = bigramIndex.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                all.add(new Positioned(term.toString(), pos));
                types.add(type.type());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (CJKBigramFilter.DOUBLE_TYPE.equals(types.get(i))) {
                covered.add(all.get(i).position());
                covered.add(all.get(i).position() + 1);
            }
        }
        List<Positioned> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean coveredUnigram = CJKBigramFilter.SINGLE_TYPE.equals(types.get(i))
                && covered.contains(all.get(i).position());
            if (!coveredUnigram) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    static Analyzer smartcn() {
        return new SmartChineseAnalyzer();
    }

    /** Bigram analysis for the bigram twins and the shown fields, smartcn for the other text fields. */
    static Analyzer perField(Analyzer smartcn, Analyzer bigram, List<String> bigramFields) {
        Map<String, Analyzer> byField = new java.util.HashMap<>();
        for (String f : bigramFields) {
            byField.put(f, bigram);
        }
        return new PerFieldAnalyzerWrapper(smartcn, byField);
    }

    /** The terms an analyzer makes of a text, in order. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static final class Bigram extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new CJKWidthFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                | CJKBigramFilter.HANGUL, true);
            return new TokenStreamComponents(source, ts);
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            // no phrase across two data items of one resource
            return 100;
        }
    }
}
