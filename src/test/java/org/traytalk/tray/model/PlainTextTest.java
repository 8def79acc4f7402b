package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void removesControlCharactersButKeepsLinesAndTabs() {
        assertThat(PlainText.sanitize("a\u0000b\u0007c\u001B[31md\u007F\u0085e\tf\r\ng\rh"))
                .isEqualTo("abc[31mde\tf\ng\nh");
    }

    @Test
    void removesBidiOverridesEmbeddingsAndIsolates() {
        String rlo = "invoice\u202Efdp.exe";
        assertThat(PlainText.sanitize(rlo)).isEqualTo("invoicefdp.exe");
        assertThat(PlainText.sanitize("\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Fi"))
                .isEqualTo("abcdefghi");
    }

    @Test
    void keepsOrdinaryTextAndPairedSurrogatesButReplacesBrokenOnes() {
        assertThat(PlainText.sanitize("Grüße \uD83D\uDE00 שלום")).isEqualTo("Grüße \uD83D\uDE00 שלום");
        assertThat(PlainText.sanitize("x\uD83Dy")).isEqualTo("x\uFFFDy");
        assertThat(PlainText.sanitize(null)).isEmpty();
    }

    @Test
    void htmlIsNeverInterpretedOnlyDefused() {
        String html = "<html><b>boss</b><img src='http://evil/'>";
        assertThat(PlainText.sanitize(html)).isEqualTo(html);
        assertThat(PlainText.notHtml(html)).isEqualTo("\u200B" + html).doesNotStartWith("<");
        assertThat(PlainText.label("<HTML>x")).doesNotStartWith("<");
        assertThat(PlainText.notHtml("a <html>")).isEqualTo("a <html>");
        assertThat(PlainText.htmlEscape(html))
                .isEqualTo("&lt;html&gt;&lt;b&gt;boss&lt;/b&gt;&lt;img src=&#39;http://evil/&#39;&gt;");
    }

    @Test
    void labelIsOneClippedLine() {
        assertThat(PlainText.label("  two\nlines\t here ")).isEqualTo("two lines here");
        assertThat(PlainText.label("x".repeat(32))).isEqualTo("x".repeat(32));
        assertThat(PlainText.label("x".repeat(33))).isEqualTo("x".repeat(31) + "\u2026");
    }

    @Test
    void clipCutsAtCharactersOrLinesWithoutSplittingSurrogates() {
        assertThat(PlainText.clip("abcdef", 6, 1)).isEqualTo(new PlainText.Clipped("abcdef", false));
        assertThat(PlainText.clip("abcdefg", 6, 1)).isEqualTo(new PlainText.Clipped("abcde\u2026", true));
        assertThat(PlainText.clip("1\n2\n3", 100, 2)).isEqualTo(new PlainText.Clipped("1\n2\u2026", true));
        String smileys = "\uD83D\uDE00".repeat(5);
        assertThat(PlainText.clip(smileys, 3, 1).text()).isEqualTo("\uD83D\uDE00\uD83D\uDE00\u2026");
    }

    @Test
    void aThirtyTwoKibWordGetsBreakOpportunities() {
        String word = "W".repeat(32 * 1024);
        int[] points = PlainText.wrapPoints(word, 64);
        assertThat(points).hasSize(32 * 1024 / 64 - 1);
        assertThat(points[0]).isEqualTo(64);
        assertThat(points[points.length - 1]).isEqualTo(32 * 1024 - 64);

        String broken = PlainText.withBreaks(word, 64);
        assertThat(broken.split("\u200B")).hasSize(32 * 1024 / 64).allSatisfy(run -> assertThat(run).hasSize(64));
        assertThat(broken.replace("\u200B", "")).isEqualTo(word);
    }

    @Test
    void shortWordsAndWhitespaceNeedNoBreaks() {
        String prose = ("word ".repeat(100) + "x".repeat(64) + "\n").repeat(3);
        assertThat(PlainText.wrapPoints(prose, 64)).isEmpty();
        assertThat(PlainText.withBreaks(prose, 64)).isSameAs(prose);
    }
}
