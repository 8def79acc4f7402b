/**
 * Thin wrappers over the JDK 17 primitives TrayTalk's secure layer is built from: X25519 key agreement (RFC 7748),
 * Ed25519 signatures (RFC 8032), the ChaCha20-Poly1305 AEAD with Noise's nonce format (RFC 8439) and HKDF over
 * HMAC-SHA256 (RFC 5869). Keys are raw byte arrays as they travel on the wire; no I/O, no state beyond cached JDK
 * instances. Each class's tests run the known-answer vectors of its RFC.
 */
package org.traytalk.crypto;
