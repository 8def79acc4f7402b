package org.traytalk.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The ARGS payload: each argument in UTF-8 followed by a NUL byte (so an empty argument survives). */
final class ArgsPayload {

    private ArgsPayload() {
    }

    static byte[] encode(List<String> args) {
        StringBuilder text = new StringBuilder();
        for (String arg : args) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an argument cannot contain NUL");
            }
            text.append(arg).append('\0');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<String> decode(byte[] payload) throws ControlProtocolException {
        if (payload.length > 0 && payload[payload.length - 1] != 0) {
            throw new ControlProtocolException("ARGS payload must end with a NUL byte");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new ControlProtocolException("ARGS payload is not valid UTF-8");
        }
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int nul = text.indexOf('\0'); nul >= 0; nul = text.indexOf('\0', start)) {
            args.add(text.substring(start, nul));
            start = nul + 1;
        }
        return args;
    }
}
