package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.traytalk.platform.notify.DesktopNotifications.Notice;
import org.traytalk.testing.RandomCases;
import org.traytalk.text.SafeText;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ToastXmlTest {

    @Test
    void aNoticeIsTheGenericTemplateWithTitleAndText() {
        assertThat(ToastXml.of(new Notice(7, "BOB", "Lunch at noon?", true))).isEqualTo(
                "<toast><visual><binding template=\"ToastGeneric\">"
                        + "<text hint-maxLines=\"1\">BOB</text>"
                        + "<text>Lunch at noon?</text>"
                        + "</binding></visual></toast>");
    }

    @Test
    void markupFromTheNetworkIsEscapedNotObeyed() {
        String xml = ToastXml.of(new Notice(1, "<b>BOB</b>", "</text><image src=\"http://x/\"/>'&amp;", false));
        assertThat(xml).contains("<text hint-maxLines=\"1\">&lt;b&gt;BOB&lt;/b&gt;</text>")
                .contains("<text>&lt;/text&gt;&lt;image src=&quot;http://x/&quot;/&gt;&apos;&amp;amp;</text>")
                .doesNotContain("<image");
    }

    @Test
    void charactersXmlForbidsAreLeftOutAndLineEndsStay() {
        assertThat(ToastXml.escape("a\u0000b\u0007c\u001Fd\tE\nF\rG\uFFFEH\uFFFF")).isEqualTo("abcd\tE\nF\rGH");
        assertThat(ToastXml.escape("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone \uFFFD high, lone \uFFFD low");
        assertThat(ToastXml.escape("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void longTextIsClippedWithAnEllipsisNeverInsideAnEmoji() {
        String body = "\uD83D\uDE00".repeat(ToastXml.BODY_CHARS + 10);
        String clipped = ToastXml.clip(body, ToastXml.BODY_CHARS);
        assertThat(clipped.codePointCount(0, clipped.length())).isEqualTo(ToastXml.BODY_CHARS);
        assertThat(clipped).endsWith("\uD83D\uDE00\u2026");
        assertThat(ToastXml.clip("exactly", 7)).isEqualTo("exactly");
        assertThat(ToastXml.clip("one more", 7)).isEqualTo("one mo\u2026");
    }

    @Test
    void theWorstCaseStaysUnderTheFiveKilobytesWindowsTakes() {
        String xml = ToastXml.of(new Notice(Long.MAX_VALUE, "\"".repeat(1000), "\"".repeat(100_000), true));
        assertThat(xml.getBytes(StandardCharsets.UTF_8).length).isLessThan(ToastXml.MAX_PAYLOAD_BYTES);
        String emoji = ToastXml.of(new Notice(1, "\uD83D\uDE00".repeat(1000), "\uD83D\uDE00".repeat(100_000), true));
        assertThat(emoji.getBytes(StandardCharsets.UTF_8).length).isLessThan(ToastXml.MAX_PAYLOAD_BYTES);
    }

    @Test
    void anyTextMakesWellFormedXmlThatReadsBackAsTheSanitizedText() {
        RandomCases.check(500, r -> {
            String title = RandomCases.text(r, 20) + (r.nextBoolean() ? "<&>\"'" : "");
            String body = RandomCases.text(r, 200) + (r.nextBoolean() ? "]]><!--" : "");
            NodeList texts = parse(ToastXml.of(new Notice(r.nextLong(), title, body, false))).getElementsByTagName("text");
            assertThat(texts.getLength()).isEqualTo(2);
            assertThat(texts.item(0).getTextContent()).isEqualTo(shown(title, ToastXml.TITLE_CHARS));
            assertThat(texts.item(1).getTextContent()).isEqualTo(shown(body, ToastXml.BODY_CHARS));
        });
    }

    /** What a toast shows of {@code text}: sanitized, clipped, without the two characters XML cannot carry. */
    private static String shown(String text, int max) {
        return ToastXml.clip(SafeText.sanitize(text), max).replace("\uFFFE", "").replace("\uFFFF", "");
    }

    private static Document parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
    }
}
