package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemBodyTest {

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "DETECT           | DETECT  | 0",
        "ONLINE           | ONLINE  | 0",
        "OFFLINE          | OFFLINE | 0",
        "\"ONLINE  \"     | ONLINE  | 0",
        "CONF 123         | CONF    | 123",
        "\"CONF    123  \" | CONF   | 123",
        "CONF 2147483647  | CONF    | 2147483647",
        "CONF -1234567890 | CONF    | -1234567890",
        "CONF +5          | CONF    | 5",
        "CONF 12abc       | CONF    | 12",
        "CONF 12.0        | CONF    | 12",
        "CONF 000000000000000042 | CONF | 42",
        "CONF 2147483648  | OTHER   | 0",
        "CONF 99999999999999999999999 | OTHER | 0",
        "CONF abc         | OTHER   | 0",
        "CONF             | OTHER   | 0",
        "CONF123          | OTHER   | 0",
        "conf 1           | OTHER   | 0",
        "online           | OTHER   | 0",
        "ONLINEX          | OTHER   | 0",
        "\" DETECT\"      | OTHER   | 0",
        "hello            | OTHER   | 0",
        "\"\"             | OTHER   | 0",
    })
    void classifies(String body, SystemBody.Kind kind, int confirmedId) {
        assertThat(SystemBody.parse(body)).isEqualTo(new SystemBody(kind, confirmedId));
    }
}
