package org.traytalk.carrier.mailslot;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fake Windows computer's mailslot calls, modelled on what Windows does (and Wine's conformance tests check):
 * <ul>
 * <li>slot names and the {@code mailslot} keyword are case-insensitive; creating an existing name fails with
 *     ERROR_ALREADY_EXISTS, a name not of the form {@code \\.\mailslot\X} with ERROR_INVALID_NAME;</li>
 * <li>one write is one message and one read; zero-length messages exist;</li>
 * <li>a read waits up to the slot's timeout, then reports {@link #READ_TIMED_OUT} (Windows: ERROR_SEM_TIMEOUT);
 *     a buffer smaller than the next message fails with ERROR_INSUFFICIENT_BUFFER and the message stays;</li>
 * <li>a local write larger than the slot's maximum fails with ERROR_INVALID_PARAMETER (NT's mailslot file system
 *     answers STATUS_INVALID_PARAMETER; ERROR_SEM_TIMEOUT is the read timeout, not this);</li>
 * <li>remote and broadcast writes are datagrams: the writer learns nothing about the receivers, and a receiver
 *     whose slot is missing or smaller than the message drops it. Windows refuses a remote write whose SMB part
 *     exceeds 512 bytes (424 payload bytes for {@code FOXAPP}); we assume ERROR_INVALID_PARAMETER for that too;</li>
 * <li>{@code \\.\} is this computer (ERROR_FILE_NOT_FOUND without the slot), {@code \\*\} every computer of the
 *     network including this one, {@code \\HOST\} a known computer, an unknown one fails with ERROR_BAD_NETPATH;</li>
 * <li>writing a slot handle fails with ERROR_ACCESS_DENIED, reading a write handle too; closed or unknown handles
 *     fail with ERROR_INVALID_HANDLE; closing a slot frees its name.</li>
 * </ul>
 * Tests can make the next call of an operation fail with {@link #failNext}.
 */
final class FakeKernel32Mailslots implements Kernel32Mailslots {

    /** Operations {@link #failNext} can target, named like the Win32 calls. */
    enum Call { CREATE_MAILSLOT, GET_MAILSLOT_INFO, READ_FILE, CREATE_FILE, WRITE_FILE, CLOSE_HANDLE }

    private static final int SMB_LIMIT = 512;
    private static final int SMB_DATA_START = 69; // from the SMB signature to the mailslot name

    private final FakeMailslotNetwork network;
    private final String computerName;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<Long, Object> handles = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(0x100);
    private final ThreadLocal<Win32Error> lastError = ThreadLocal.withInitial(() -> Win32Error.SUCCESS);
    private final Map<Call, Queue<Win32Error>> injected = new ConcurrentHashMap<>();
    private final AtomicInteger readFileCalls = new AtomicInteger();
    private final AtomicInteger infoCalls = new AtomicInteger();

    private static final class Slot {
        final MailslotPath path;
        final int maxMessageSize;
        final int readTimeout;
        final LinkedBlockingDeque<byte[]> messages = new LinkedBlockingDeque<>();

        Slot(MailslotPath path, int maxMessageSize, int readTimeout) {
            this.path = path;
            this.maxMessageSize = maxMessageSize;
            this.readTimeout = readTimeout;
        }

        boolean accepts(int size) {
            return maxMessageSize == 0 || Integer.compareUnsigned(size, maxMessageSize) <= 0;
        }
    }

    private record Writer(MailslotPath target) {
    }

    FakeKernel32Mailslots(FakeMailslotNetwork network, String computerName) {
        this.network = network;
        this.computerName = computerName;
    }

    String computerName() {
        return computerName;
    }

    /** Makes the next call of {@code call} on this computer fail with {@code error}. */
    void failNext(Call call, Win32Error error) {
        injected.computeIfAbsent(call, c -> new ConcurrentLinkedQueue<>()).add(error);
    }

    int readFileCalls() {
        return readFileCalls.get();
    }

    int getMailslotInfoCalls() {
        return infoCalls.get();
    }

    int openHandles() {
        return handles.size();
    }

    boolean hasSlot(String name) {
        return slots.containsKey(MailslotPath.local(name).key());
    }

    @Override
    public MailslotHandle createMailslot(String name, int maxMessageSize, int readTimeoutMs) throws Win32Exception {
        String op = "CreateMailslot(" + name + ")";
        injectedFailure(Call.CREATE_MAILSLOT, op);
        MailslotPath path = MailslotPath.parse(name).filter(MailslotPath::isLocal)
                .orElseThrow(() -> fail(op, Win32Error.INVALID_NAME));
        Slot slot = new Slot(path, maxMessageSize, readTimeoutMs);
        if (slots.putIfAbsent(path.key(), slot) != null) {
            throw fail(op, Win32Error.ALREADY_EXISTS);
        }
        return issue(slot);
    }

    @Override
    public MailslotInfo getMailslotInfo(MailslotHandle handle) throws Win32Exception {
        infoCalls.incrementAndGet();
        String op = "GetMailslotInfo(" + handle + ")";
        injectedFailure(Call.GET_MAILSLOT_INFO, op);
        Slot slot = slot(handle, op, Win32Error.INVALID_HANDLE);
        byte[] next = slot.messages.peekFirst();
        return new MailslotInfo(slot.maxMessageSize, next == null ? MAILSLOT_NO_MESSAGE : next.length,
                slot.messages.size(), slot.readTimeout);
    }

    @Override
    public int readFile(MailslotHandle handle, byte[] buffer) throws Win32Exception {
        readFileCalls.incrementAndGet();
        String op = "ReadFile(" + handle + ")";
        injectedFailure(Call.READ_FILE, op);
        Slot slot = slot(handle, op, Win32Error.ACCESS_DENIED);
        byte[] message;
        try {
            message = slot.readTimeout == MAILSLOT_WAIT_FOREVER ? slot.messages.takeFirst()
                    : slot.messages.pollFirst(Integer.toUnsignedLong(slot.readTimeout), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message = null;
        }
        if (!handles.containsKey(handle.value())) { // closed while we waited
            if (message != null) {
                slot.messages.offerFirst(message);
            }
            throw fail(op, Win32Error.INVALID_HANDLE);
        }
        if (message == null) {
            lastError.set(Win32Error.SEM_TIMEOUT);
            return READ_TIMED_OUT;
        }
        if (message.length > buffer.length) {
            slot.messages.offerFirst(message); // Windows leaves a message that does not fit in the slot
            throw fail(op, Win32Error.INSUFFICIENT_BUFFER);
        }
        System.arraycopy(message, 0, buffer, 0, message.length);
        return message.length;
    }

    @Override
    public MailslotHandle openForWrite(String path) throws Win32Exception {
        String op = "CreateFile(" + path + ")";
        injectedFailure(Call.CREATE_FILE, op);
        MailslotPath target = MailslotPath.parse(path).orElseThrow(() -> fail(op, Win32Error.INVALID_NAME));
        if (target.isLocal() && !slots.containsKey(target.key())) {
            throw fail(op, Win32Error.FILE_NOT_FOUND);
        }
        if (!target.isLocal() && !target.isEveryone() && network.find(target.host()).isEmpty()) {
            throw fail(op, Win32Error.BAD_NETPATH);
        }
        return issue(new Writer(target));
    }

    @Override
    public int writeFile(MailslotHandle handle, byte[] message) throws Win32Exception {
        String op = "WriteFile(" + handle + ", " + message.length + " bytes)";
        injectedFailure(Call.WRITE_FILE, op);
        Object owner = handles.get(handle.value());
        if (owner instanceof Slot) {
            throw fail(op, Win32Error.ACCESS_DENIED);
        }
        if (!(owner instanceof Writer writer)) {
            throw fail(op, Win32Error.INVALID_HANDLE);
        }
        MailslotPath target = writer.target();
        if (target.isLocal()) {
            Slot slot = slots.get(target.key());
            if (slot != null && !slot.accepts(message.length)) {
                throw fail(op, Win32Error.INVALID_PARAMETER);
            }
            if (slot != null) { // a slot closed since CreateFile just loses the message
                slot.messages.addLast(message.clone());
            }
            return message.length;
        }
        if (message.length > remoteLimit(target)) {
            throw fail(op, Win32Error.INVALID_PARAMETER);
        }
        List<FakeKernel32Mailslots> receivers = target.isEveryone() ? network.hosts()
                : network.find(target.host()).stream().toList();
        for (FakeKernel32Mailslots host : receivers) {
            host.receiveDatagram(target.key(), message.clone());
        }
        return message.length;
    }

    @Override
    public void closeHandle(MailslotHandle handle) throws Win32Exception {
        String op = "CloseHandle(" + handle + ")";
        injectedFailure(Call.CLOSE_HANDLE, op);
        Object owner = handles.remove(handle.value());
        if (owner == null) {
            throw fail(op, Win32Error.INVALID_HANDLE);
        }
        if (owner instanceof Slot slot) {
            slots.remove(slot.path.key(), slot);
        }
    }

    @Override
    public Win32Error lastError() {
        return lastError.get();
    }

    /** A remote mailslot write arriving here: kept if a slot of that name takes its size, else dropped. */
    private void receiveDatagram(String slotKey, byte[] message) {
        Slot slot = slots.get(slotKey);
        if (slot != null && slot.accepts(message.length)) {
            slot.messages.addLast(message);
        }
    }

    /** Largest payload Windows puts into one remote mailslot write to this slot name. */
    static int remoteLimit(MailslotPath target) {
        int nameBytes = ("\\MAILSLOT\\" + target.name()).length() + 1;
        int dataOffset = (SMB_DATA_START + nameBytes + 3) / 4 * 4;
        return SMB_LIMIT - dataOffset;
    }

    private MailslotHandle issue(Object owner) {
        long value = nextHandle.getAndAdd(4); // Windows handles are multiples of four
        handles.put(value, owner);
        lastError.set(Win32Error.SUCCESS);
        return new MailslotHandle(value);
    }

    private Slot slot(MailslotHandle handle, String op, Win32Error ifWriter) throws Win32Exception {
        Object owner = handles.get(handle.value());
        if (owner instanceof Slot slot) {
            return slot;
        }
        throw fail(op, owner == null ? Win32Error.INVALID_HANDLE : ifWriter);
    }

    private void injectedFailure(Call call, String op) throws Win32Exception {
        Queue<Win32Error> queue = injected.get(call);
        Win32Error error = queue == null ? null : queue.poll();
        if (error != null) {
            throw fail(op, error);
        }
    }

    private Win32Exception fail(String op, Win32Error error) {
        lastError.set(error);
        return new Win32Exception(op, error);
    }
}
