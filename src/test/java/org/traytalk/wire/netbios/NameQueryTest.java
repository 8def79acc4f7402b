package org.traytalk.wire.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.testing.RandomCases.bytes;
import static org.traytalk.testing.RandomCases.check;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.traytalk.wire.MalformedMessageException;

class NameQueryTest {
    /** A broadcast query for ALICE<00>, as Windows sends it. */
    static final byte[] QUERY = HexFormat.of().parseHex(String.join("",
            "1234", // transaction id
            "0110", // flags: opcode query, recursion desired, broadcast
            "0001", "0000", "0000", "0000", // one question, no answers, authority, additional
            "20", "4542454d454a45444546" + "4341".repeat(10) + "4141", "00", // ALICE<00>: EB EM EJ ED EF, CA x10, AA
            "0020", "0001")); // type NB, class IN

    @Test
    void decodesAWindowsQuery() throws MalformedMessageException {
        NameQuery q = NameQuery.decode(QUERY, 0, QUERY.length);
        assertThat(q).isEqualTo(new NameQuery(0x1234, NetbiosName.computer("ALICE"), true));
        assertThat(q.encode()).containsExactly(QUERY);
    }

    @Test
    void answersWithOurAddress() {
        byte[] answer = new NameQuery(0x1234, NetbiosName.computer("ALICE"), true).positiveResponse(new byte[] {10, 77, 0, 1});
        assertThat(HexFormat.of().formatHex(answer)).isEqualTo(String.join("",
                "1234", "8500", "0000", "0001", "0000", "0000", // response, authoritative; one answer
                "20", "4542454d454a45444546" + "4341".repeat(10) + "4141", "00",
                "0020", "0001", "0000012c", // NB, IN, TTL 300 s
                "0006", "0000", "0a4d0001")); // 6 bytes: unique B-node, 10.77.0.1
    }

    @Test
    void malformedQueriesAreRejected() {
        byte[] response = QUERY.clone();
        response[2] |= (byte) 0x80;
        assertThatThrownBy(() -> NameQuery.decode(response, 0, response.length)).hasMessageContaining("not a name query");
        byte[] twoQuestions = QUERY.clone();
        twoQuestions[5] = 2;
        assertThatThrownBy(() -> NameQuery.decode(twoQuestions, 0, twoQuestions.length)).hasMessageContaining("one question");
        byte[] status = QUERY.clone();
        status[QUERY.length - 3] = 0x21; // NBSTAT
        assertThatThrownBy(() -> NameQuery.decode(status, 0, status.length)).hasMessageContaining("NB/IN");
        for (int n = 0; n < QUERY.length; n++) {
            int len = n;
            assertThatThrownBy(() -> NameQuery.decode(QUERY, 0, len)).isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void randomBytesOnlyEverFailAsMalformed() {
        check(5000, r -> {
            byte[] b = r.nextBoolean() ? bytes(r, 80) : QUERY.clone();
            if (b.length > 0) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            try {
                NameQuery.decode(b, 0, b.length);
            } catch (MalformedMessageException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }
}
