package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.traytalk.platform.notify.ToastHostLines.Event;
import org.traytalk.platform.notify.ToastHostLines.Event.Kind;

class ToastHostLinesTest {

    @Test
    void showCarriesTheKeyInHexAndTheXmlInBase64OfUtf8() {
        String line = ToastHostLines.show(255, "<toast>Caf\u00E9</toast>");
        assertThat(line).isEqualTo("show ff " + Base64.getEncoder().encodeToString(
                "<toast>Caf\u00E9</toast>".getBytes(StandardCharsets.UTF_8)));
        assertThat(line).matches("[ -~]+").as("ASCII, one line");
        assertThat(ToastHostLines.withdraw(255)).isEqualTo("withdraw ff");
    }

    @Test
    void aTagIsAtMostSixteenCharactersForAnyKey() {
        assertThat(ToastHostLines.tag(-1)).isEqualTo("ffffffffffffffff");
        assertThat(ToastHostLines.tag(Long.MAX_VALUE)).hasSize(16);
        assertThat(ToastHostLines.tag(0)).isEqualTo("0");
    }

    @Test
    void theHostsLinesAreRead() {
        assertThat(ToastHostLines.parse("ready")).contains(new Event(Kind.READY, 0, ""));
        assertThat(ToastHostLines.parse("ready\r")).contains(new Event(Kind.READY, 0, ""));
        assertThat(ToastHostLines.parse("clicked ff")).contains(new Event(Kind.CLICKED, 255, ""));
        assertThat(ToastHostLines.parse("clicked ffffffffffffffff")).contains(new Event(Kind.CLICKED, -1, ""));
        assertThat(ToastHostLines.parse("error Element not found. (0x80070490)"))
                .contains(new Event(Kind.ERROR, 0, "Element not found. (0x80070490)"));
        assertThat(ToastHostLines.parse("problem The notification platform is unavailable."))
                .contains(new Event(Kind.PROBLEM, 0, "The notification platform is unavailable."));
    }

    @Test
    void unknownAndMalformedLinesAreIgnored() {
        assertThat(ToastHostLines.parse("")).isEmpty();
        assertThat(ToastHostLines.parse("dismissed ff")).isEmpty();
        assertThat(ToastHostLines.parse("clicked")).isEmpty();
        assertThat(ToastHostLines.parse("clicked xyz")).isEmpty();
        assertThat(ToastHostLines.parse("clicked 1ffffffffffffffff")).as("17 digits").isEmpty();
        assertThat(ToastHostLines.parse("clicked -1")).isEmpty();
        assertThat(ToastHostLines.parse("Ready")).isEmpty();
    }
}
