package org.traytalk.carrier;

/**
 * Where a carrier stands: new, running, or closed for good. A start that fails leaves it new, so it may be tried
 * again (the user may free a port); once closed it never runs again. Thread-safe.
 */
public final class CarrierLifecycle {

    /** What starting means for one carrier: open its sockets or handles and start its threads. */
    @FunctionalInterface
    public interface Opening {
        void open() throws CarrierException;
    }

    private enum State { NEW, RUNNING, CLOSED }

    private final String carrier;
    private volatile State state = State.NEW;

    /** @param carrier how messages name the carrier, e.g. "UDP carrier" */
    public CarrierLifecycle(String carrier) {
        this.carrier = carrier;
    }

    /** Runs {@code opening} once; refuses a second start and a start after close. */
    public synchronized void start(Opening opening) throws CarrierException {
        if (state == State.CLOSED) {
            throw new CarrierException(carrier + " is closed");
        }
        if (state == State.RUNNING) {
            throw new CarrierException(carrier + " already started");
        }
        opening.open();
        state = State.RUNNING;
    }

    /** Throws unless started and not yet closed: a send needs a running carrier. */
    public void requireRunning() throws CarrierException {
        State s = state;
        if (s == State.CLOSED) {
            throw new CarrierException(carrier + " is closed");
        }
        if (s == State.NEW) {
            throw new CarrierException(carrier + " not started");
        }
    }

    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Marks the carrier closed; true for the first call only, whose caller then releases what start opened. */
    public synchronized boolean close() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.CLOSED;
        notifyAll();
        return true;
    }

    /** Waits until the carrier is closed or {@code millis} have passed; for threads pausing between retries. */
    public synchronized void awaitClose(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; state != State.CLOSED && left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
    }
}
