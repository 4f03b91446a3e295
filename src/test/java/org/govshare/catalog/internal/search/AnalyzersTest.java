package org.govshare.catalog.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.govshare.catalog.internal.search.Analyzers.Positioned;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

    private final Analyzer bigram = Analyzers.bigram();

    @Test
    void substringTermsKeepTheIndexPositionsAcrossScripts() {
        List<Positioned> terms = Analyzers.substringTerms(bigram, "name_bi", "信用代码ABC");
        assertThat(terms).containsExactly(new Positioned("信用", 0), new Positioned("用代", 1), new Positioned("代码", 2),
            new Positioned("abc", 4));
    }

    @Test
    void aLoneCharacterIsItsOwnTerm() {
        assertThat(Analyzers.substringTerms(bigram, "name_bi", "税")).containsExactly(new Positioned("税", 0));
        assertThat(Analyzers.substringTerms(bigram, "name_bi", "企业")).containsExactly(new Positioned("企业", 0));
    }

    @Test
    void smartcnSegmentsWords() {
        assertThat(Analyzers.terms(Analyzers.smartcn(), "name", "企业法定代表人")).contains("企业");
    }
}
