package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.T0;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.Receipt;
import org.traytalk.testing.RandomCases;

class TextEscapeTest {
    private static final String SPECIALS = "\\\n\r\t\u0000\u0007\u001b\u007f\u0085\u000b\u000c\u001c"
            + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029";

    @Test
    void escapesEachKind() {
        assertThat(TextEscape.oneLine("a\\b")).isEqualTo("a\\\\b");
        assertThat(TextEscape.oneLine("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(TextEscape.oneLine("\u0000\u001b\u007f\u0085")).isEqualTo("\\u0000\\u001b\\u007f\\u0085");
        assertThat(TextEscape.oneLine("abc\u202Efed")).isEqualTo("abc\\u202efed");
        assertThat(TextEscape.oneLine("gr\u00fc\u00dfe \u4f60\u597d \uD83D\uDE00")).isEqualTo("gr\u00fc\u00dfe \u4f60\u597d \uD83D\uDE00");
        assertThat(TextEscape.oneLine("")).isEmpty();
    }

    @Test
    void unicodeLineAndParagraphSeparatorsAreEscaped() {
        // line breaks for Unicode, JavaScript and Python's splitlines(), so they would split an event
        assertThat(TextEscape.oneLine("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
    }

    @Test
    void oneLineHasNoLineBreaksOrControlCharacters() {
        RandomCases.check(2_000, r -> {
            String s = textWithSpecials(r);
            String escaped = TextEscape.oneLine(s);
            assertThat(escaped.chars().filter(TextEscapeTest::unsafe).toArray())
                    .as("unsafe characters in %s", escaped).isEmpty();
        });
    }

    @Test
    void plainTextIsUnchanged() {
        RandomCases.check(2_000, r -> {
            String s = RandomCases.text(r, 40).chars()
                    .filter(c -> c != '\\' && !unsafe(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            assertThat(TextEscape.oneLine(s)).isEqualTo(s);
        });
    }

    @Test
    void escapingLosesNothing() {
        RandomCases.check(2_000, r -> {
            String s = textWithSpecials(r);
            assertThat(unescape(TextEscape.oneLine(s))).isEqualTo(s);
        });
    }

    @Test
    void everyEventIsOneLine() {
        RandomCases.check(1_000, r -> {
            String name = textWithSpecials(r);
            String body = textWithSpecials(r);
            Peer peer = new Peer(name, new PeerAddress("mailslot", textWithSpecials(r)), T0, true, 0);
            ChatMessage in = new ChatMessage(1, Direction.INBOUND, name, 42, body, T0, DeliveryState.RECEIVED, T0,
                    r.nextBoolean(), List.of());
            ChatMessage out = new ChatMessage(2, Direction.OUTBOUND, "*", 43, body, T0, DeliveryState.SENT, T0, true,
                    List.of(new Receipt(name, DeliveryState.DELIVERED, T0)));
            for (String line : List.of(EventFormat.peerOnline(T0, peer), EventFormat.peerOffline(T0, peer),
                    EventFormat.received(T0, in, "ALICE"), EventFormat.updated(T0, out), EventFormat.problem(T0, body))) {
                assertThat(line.chars().filter(TextEscapeTest::unsafe).toArray()).as("unsafe characters in %s", line)
                        .isEmpty();
                assertThat(line).startsWith(T0 + " ");
            }
            assertThat(EventFormat.received(T0, in, "ALICE")).endsWith(" " + TextEscape.oneLine(body));
        });
    }

    /** Characters that end a line somewhere, or reorder or hide what a terminal shows. */
    private static boolean unsafe(int c) {
        return Character.isISOControl(c) || SPECIALS.indexOf(c) >= 0 && c != '\\';
    }

    private static String textWithSpecials(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        for (int n = r.nextInt(30); n > 0; n--) {
            if (r.nextInt(4) == 0) {
                sb.append(SPECIALS.charAt(r.nextInt(SPECIALS.length())));
            } else {
                sb.appendCodePoint(RandomCases.codePoint(r));
            }
        }
        return sb.toString();
    }

    /** The inverse, as a script reading the events would write it. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char k = s.charAt(++i);
            switch (k) {
                case '\\' -> sb.append('\\');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("unknown escape \\" + k + " in " + s);
            }
        }
        return sb.toString();
    }
}
