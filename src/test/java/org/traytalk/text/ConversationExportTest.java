package org.traytalk.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.text.ConversationExport.Format;

class ConversationExportTest {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private final ConversationExport export = new ConversationExport(ZoneOffset.UTC);

    private static ChatMessage in(String from, String body, boolean broadcast) {
        return new ChatMessage(1, Direction.INBOUND, from, 1, body, T0, DeliveryState.RECEIVED, T0, broadcast, List.of());
    }

    private static ChatMessage out(String to, String body, DeliveryState state) {
        return new ChatMessage(2, Direction.OUTBOUND, to, 2, body, T0.plusSeconds(90), state, T0, "*".equals(to),
                List.of());
    }

    @Test
    void textHasTheTitleOneHeaderPerMessageAndIndentedLines() {
        String text = export.write(Format.TEXT, "Conversation with BOB", T0.plusSeconds(3600), List.of(
                in("BOB", "Lunch?\nAt noon", false), out("BOB", "Yes", DeliveryState.DELIVERED)));

        assertThat(text).isEqualTo("""
                Conversation with BOB
                Exported from TrayTalk on 2026-11-25 10:00; 2 messages, oldest first.

                2026-11-25 09:00  BOB
                    Lunch?
                    At noon

                2026-11-25 09:01  You  [delivered]
                    Yes
                """);
    }

    @Test
    void textLosesControlAndBidiCharactersThatWouldDisguiseIt() {
        String text = export.write(Format.TEXT, "Conversation with EVIL\u202Etxt.exe", T0,
                List.of(in("EVIL\u202E", "abc\u202Edef\u0007\u001B[31m", false)));

        assertThat(text).doesNotContain("\u202E", "\u0007", "\u001B").contains("Conversation with EVILtxt.exe")
                .contains("    abcdef[31m");
    }

    @Test
    void htmlEscapesEverythingFromTheNetworkAndForbidsScriptsAndLoads() {
        String evil = "<script>alert(1)</script><img src=http://x/a.png onerror=\"x()\">&amp;'";
        String html = export.write(Format.HTML, "Conversation with <b>Eve</b>", T0,
                List.of(in("<i>Eve</i>", evil, false), out("*", "to all", DeliveryState.QUEUED)));

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .contains("<title>Conversation with &lt;b&gt;Eve&lt;/b&gt;</title>")
                .contains("<span class=\"who\">&lt;i&gt;Eve&lt;/i&gt;</span>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=http://x/a.png onerror=&quot;x()&quot;&gt;"
                        + "&amp;amp;&#39;")
                .contains("<span class=\"who\">You to everyone</span>").contains("<span class=\"mark\">queued</span>")
                .doesNotContain("<script", "<img", "<i>", "<b>");
    }

    @Test
    void aMessageFromTheOriginalProgramIsMarkedNotVerifiedInBothFormats() {
        ChatMessage legacy = new ChatMessage(3, Direction.INBOUND, "WINPC", 3, "Pay invoice 4711", T0,
                DeliveryState.RECEIVED, T0, false, List.of(), false);
        List<ChatMessage> both = List.of(in("BOB", "Lunch?", false), legacy);

        assertThat(export.write(Format.TEXT, "All messages", T0, both))
                .contains("2026-11-25 09:00  BOB\n", "2026-11-25 09:00  WINPC  [not verified]\n");
        assertThat(export.write(Format.HTML, "All messages", T0, both))
                .contains("<span class=\"who\">WINPC</span> <time datetime=\"2026-11-25T09:00:00Z\">2026-11-25 09:00"
                        + "</time> <span class=\"mark\">not verified</span>")
                .containsOnlyOnce("not verified");
    }

    @Test
    void theFormatIsNamedOrRefusedWithTheChoices() {
        assertThat(Format.of("HTML")).isEqualTo(Format.HTML);
        assertThat(Format.of(" text ")).isEqualTo(Format.TEXT);
        assertThatThrownBy(() -> Format.of("pdf")).hasMessage("the export format is text or html, not \"pdf\"");
    }
}
