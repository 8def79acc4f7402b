package org.traytalk.carrier;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;

/**
 * The start/close pattern every carrier follows: {@link #start} opens once (see {@link CarrierLifecycle}),
 * {@link #close} closes once and waits for the threads the carrier started; sends work only in between, and not
 * while the carrier cannot receive: a node that cannot hear must not announce itself, nor send what it would never
 * see confirmed. A carrier says what opening and releasing mean for it.
 */
public abstract class SingleUseCarrier implements Carrier {
    private static final Logger LOG = LoggerFactory.getLogger(SingleUseCarrier.class);

    /** How long a receive loop that keeps failing waits between tries. */
    static final Duration FAILING_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final String title;
    private final int maxMessageBytes;
    private final Charset charset;
    private final Duration stopPatience;
    private final CarrierLifecycle lifecycle;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile CarrierCallback callback;
    private volatile String cannotReceive;

    /**
     * @param title        how messages name the carrier, e.g. "UDP carrier"
     * @param stopPatience how long {@link #close} waits for each thread to end once {@link #release} ran
     */
    protected SingleUseCarrier(String name, String title, int maxMessageBytes, Charset charset,
                               Duration stopPatience) {
        this.name = name;
        this.title = title;
        this.maxMessageBytes = maxMessageBytes;
        this.charset = charset;
        this.stopPatience = stopPatience;
        this.lifecycle = new CarrierLifecycle(title);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public final Charset charset() {
        return charset;
    }

    @Override
    public final void start(CarrierCallback callback) throws CarrierException {
        lifecycle.start(() -> {
            this.callback = callback;
            open(callback);
        });
    }

    /**
     * Opens the sockets or handles and starts the threads ({@link #startThread}) that feed {@code callback}.
     * When it throws, it has closed what it opened: the carrier stays new and may be started again.
     */
    protected abstract void open(CarrierCallback callback) throws CarrierException;

    /** Closes what {@link #open} opened so that the carrier's threads end; also runs when it never opened. */
    protected abstract void release();

    @Override
    public final void close() {
        if (!lifecycle.close()) {
            return;
        }
        release();
        for (Thread t : threads) {
            // a callback that closed the carrier runs on one of its threads, which ends once the callback returns
            if (t != Thread.currentThread() && !DaemonThreads.join(t, stopPatience)) {
                LOG.warn("{} did not stop within {} ms", t.getName(), stopPatience.toMillis());
            }
        }
    }

    /** Starts a named daemon thread that {@link #close} waits for. */
    protected final Thread startThread(String threadName, Runnable task) {
        Thread t = DaemonThreads.start(threadName, task);
        threads.add(t);
        return t;
    }

    /**
     * Starts the thread that receives for the callback, one {@code turn} at a time, under a {@link ReceiveGuard}:
     * nothing a datagram does ends it; while it keeps failing the engine hears so and sends are refused.
     */
    protected final Thread startReceiving(String threadName, ReceiveGuard.Turn turn) {
        ReceiveGuard guard = new ReceiveGuard(title, new ReceiveGuard.Health() {
            @Override
            public void failing(String why) {
                cannotReceive = why;
                callback.onReceiveFailing(why + "; TrayTalk sends nothing on it, so no peer takes this computer for"
                        + " online there, until it receives again");
            }

            @Override
            public void working() {
                cannotReceive = null;
                callback.onReceiveWorking();
            }
        }, lifecycle, FAILING_PAUSE, System::nanoTime);
        return startThread(threadName, () -> guard.run(turn));
    }

    /** Throws unless started, not yet closed, and able to receive. */
    protected final void requireRunning() throws CarrierException {
        lifecycle.requireRunning();
        String why = cannotReceive;
        if (why != null) {
            throw new CarrierException(why);
        }
    }

    protected final boolean isClosed() {
        return lifecycle.isClosed();
    }

    /** The state, for the carrier's threads: they stop, and stop pausing, once it is closed. */
    protected final CarrierLifecycle lifecycle() {
        return lifecycle;
    }
}
