package org.traytalk.control;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** The forwarded command's stdin: STDIN frames go in on the reader thread, the command reads them out. */
final class StdinPipe extends InputStream {

    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean closed;

    synchronized void offer(byte[] chunk) {
        if (!closed && chunk.length > 0) {
            chunks.add(chunk);
            notifyAll();
        }
    }

    /** No more input: STDIN_EOF arrived or the client went away. */
    synchronized void end() {
        closed = true;
        notifyAll();
    }

    @Override
    public synchronized int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            if (!chunks.isEmpty()) {
                current = chunks.poll();
                position = 0;
            } else if (closed) {
                return -1;
            } else {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for input");
                }
            }
        }
        int count = Math.min(len, current.length - position);
        System.arraycopy(current, position, buffer, off, count);
        position += count;
        return count;
    }

    /** Only what is buffered; InputStreamReader uses this to decide whether to block for more. */
    @Override
    public synchronized int available() {
        return current.length - position;
    }

    @Override
    public void close() {
        end();
    }
}
