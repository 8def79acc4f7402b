/**
 * The Noise Protocol Framework, revision 34 (https://noiseprotocol.org/noise.html), for the 25519 / ChaChaPoly /
 * SHA256 suite: {@link org.traytalk.noise.HandshakeState} runs any fundamental, one-way or deferred pattern with
 * psk modifiers, named as in the spec (e.g. {@code Noise_IKpsk2_25519_ChaChaPoly_SHA256}), and ends in the two
 * transport {@link org.traytalk.noise.CipherState}s. The internals follow the spec's section 5 object by object;
 * the cacophony test vectors run in the tests. No I/O: callers carry the messages.
 */
package org.traytalk.noise;
