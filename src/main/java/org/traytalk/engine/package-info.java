/**
 * The engine: what a TrayTalk node does with messages, on one thread ({@link org.traytalk.engine.Scheduler}), with
 * injected time and randomness, and no sockets of its own.
 *
 * <p><b>The way in.</b> A carrier hands each datagram to the engine on its own thread; the {@code arrivals} lane of
 * the {@link org.traytalk.engine.Bursts} (waiting in a bounded {@link org.traytalk.engine.FairQueue}, which drops and
 * counts a flood and takes sources in turns) brings it to the engine thread, up to 256 in one store transaction,
 * which also holds the messages to send that waited meanwhile. The
 * {@link org.traytalk.engine.ArrivalScreen} decodes it and says who sent it: on TrayTalk's carriers the
 * {@link org.traytalk.secure.SecureLink} proves the identity and the {@link org.traytalk.trust.KeyPins} whether it may
 * use the name; the original program's messages are unverified. What passes is an {@link org.traytalk.engine.Arrival}
 * for the {@link org.traytalk.engine.InboundHandler}: another identity under a pinned name goes to
 * {@link org.traytalk.engine.KeyChanges}; otherwise the sender is noted ({@link org.traytalk.engine.PeerChanges}), a
 * message is stored, a receipt applied to the {@link org.traytalk.engine.Outbox}, and answers go through
 * {@link org.traytalk.engine.Replies}. Receipts and events wait in {@link org.traytalk.engine.AfterCommit} until the
 * transaction committed.
 *
 * <p><b>The way out.</b> {@link org.traytalk.engine.Engine#send} checks the request
 * ({@link org.traytalk.engine.Validation}) and puts it in the {@code sends} lane of the bursts; on the engine thread the
 * {@link org.traytalk.engine.MessageWriter} splits it to what the recipient's carrier takes and stores it with its
 * expected receipts, and after the commit the {@link org.traytalk.engine.Outbox} sends it through the
 * {@link org.traytalk.engine.Router} (to one peer on the carrier it was last heard on, in its session or, on the
 * original program's carriers, in the clear; to everyone on every carrier), marks it SENT only once a carrier took the
 * datagram ({@link org.traytalk.engine.SentMarks}), resends with {@link org.traytalk.engine.Backoff} until the receipt
 * comes and fails it after the configured time. The {@link org.traytalk.engine.PresenceKeeper} announces this node
 * through the same router.
 */
package org.traytalk.engine;
