package org.traytalk.noise;

/** One token of a handshake pattern (spec section 7): a key sent, a DH mixed in, or a pre-shared key mixed in. */
enum Token {
    E, S, EE, ES, SE, SS, PSK;

    static Token parse(String text) {
        for (Token token : values()) {
            if (token.name().equalsIgnoreCase(text)) {
                return token;
            }
        }
        throw new IllegalArgumentException("unknown handshake token '" + text + "'");
    }
}
