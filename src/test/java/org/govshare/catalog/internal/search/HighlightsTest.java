package org.govshare.catalog.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    @Test
    void marksEveryOccurrenceOfEachKeywordAndJoinsOverlaps() {
        Highlights h = new Highlights(List.of("营业执照", "执照信息"));
        assertThat(h.whole("企业营业执照信息与营业执照")).isEqualTo("企业<mark>营业执照信息</mark>与<mark>营业执照</mark>");
        assertThat(h.whole("执照")).as("a part of a keyword is not a match").isNull();
    }

    @Test
    void foldsWidthAndCaseLikeTheIndexAndEscapesHtml() {
        Highlights h = new Highlights(List.of("ab<"));
        assertThat(h.whole("<b>ＡＢ<</b>")).isEqualTo("&lt;b&gt;<mark>ＡＢ&lt;</mark>&lt;/b&gt;");
    }

    @Test
    void aLongTextShowsThePassageAroundItsFirstMatchWithoutCuttingAMark() {
        String text = "第一句很长很长很长很长很长。" + "填充".repeat(10) + "第二句提到法定代表人和其他内容。" + "尾巴".repeat(60);
        String passage = new Highlights(List.of("法定代表人")).passage(text, 30);
        assertThat(passage).startsWith("…").endsWith("…").contains("<mark>法定代表人</mark>");
        assertThat(passage.replace("<mark>", "").replace("</mark>", "").length()).isLessThanOrEqualTo(32);
        assertThat(new Highlights(List.of("无此词")).passage(text, 30)).isNull();
        assertThat(new Highlights(List.of("尾巴")).passage("短文本尾巴", 30)).isEqualTo("短文本<mark>尾巴</mark>");
    }

    @Test
    void onlyMatchingValuesAreListedUpToTheLimit() {
        Highlights h = new Highlights(List.of("代码"));
        assertThat(h.matching(new String[] {"统一社会信用代码", "名称", "行政区划代码", "邮政代码"}, 2))
            .containsExactly("统一社会信用<mark>代码</mark>", "行政区划<mark>代码</mark>");
    }
}
