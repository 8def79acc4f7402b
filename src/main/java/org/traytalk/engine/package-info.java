/**
 * The engine: what a TrayTalk node does with messages, on one thread ({@link org.traytalk.engine.Scheduler}), with
 * injected time and randomness, and no sockets of its own.
 *
 * <p><b>The way in.</b> A carrier hands each datagram to the engine's callback on its own thread; the
 * {@code arrivals} {@link org.traytalk.engine.BurstQueue} moves it to the engine thread (it waits in a bounded
 * {@link org.traytalk.engine.FairQueue}, which drops and counts a flood and takes sources in turns), where everything
 * that came in since the last turn is handled as one store transaction. Each datagram goes through the
 * {@link org.traytalk.engine.ArrivalScreen} (which also refuses bodies over 32 KiB): on TrayTalk's carriers the {@link org.traytalk.secure.SecureLink}
 * opens the frame and proves which identity sent it (answering handshakes itself), and the
 * {@link org.traytalk.trust.KeyPins} decide whether that identity may use the name it claims; on the original
 * program's carriers the message is decoded and marked unverified. Either way it becomes an
 * {@link org.traytalk.engine.Arrival}. The {@link org.traytalk.engine.InboundHandler} hands one from another
 * identity than the name's to {@link org.traytalk.engine.KeyChanges} (kept apart until the user accepts it); for
 * the rest it notes the sender in the {@link org.traytalk.engine.Roster} (through
 * {@link org.traytalk.engine.PeerChanges}), stores user messages, applies receipts to the
 * {@link org.traytalk.engine.Outbox} and answers through {@link org.traytalk.engine.Replies}. Receipts and events
 * wait in {@link org.traytalk.engine.AfterCommit} until the transaction committed: nothing is confirmed or shown that
 * is not on disk.
 *
 * <p><b>The way out.</b> {@link org.traytalk.engine.Engine#send} checks the request
 * ({@link org.traytalk.engine.Validation}) and puts it on the {@code sends} burst queue; on the engine thread the
 * {@link org.traytalk.engine.MessageWriter} splits it to what the recipient's carrier takes, stores it with its
 * expected receipts, and after the commit hands it to the {@link org.traytalk.engine.Outbox}, which sends through
 * the {@link org.traytalk.engine.Router} (one peer on the carrier it was last heard on: in a session with its identity
 * through the secure link, or in the clear on the original program's carriers; everyone on every carrier, which on
 * TrayTalk's carriers means each verified peer in its own session), marks it SENT once a carrier took the datagram (in
 * one commit with the other marks of the next 100 ms, {@link org.traytalk.engine.SentMarks}: a receipt that comes
 * first makes the mark moot), resends with {@link org.traytalk.engine.Backoff} until the
 * receipt arrives, waits while the recipient is offline, and fails it after the configured time. The
 * {@link org.traytalk.engine.PresenceKeeper} announces this node and probes silent peers through the same router.
 */
package org.traytalk.engine;
