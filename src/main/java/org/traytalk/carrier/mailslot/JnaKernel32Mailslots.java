package org.traytalk.carrier.mailslot;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * {@link Kernel32Mailslots} over the real kernel32 through JNA. Windows only: constructing it loads
 * kernel32.dll, so only {@link Kernel32Mailslots#forThisOs()} creates one.
 */
final class JnaKernel32Mailslots implements Kernel32Mailslots {

    /** The two mailslot calls jna-platform's Kernel32 does not declare. */
    interface MailslotApi extends StdCallLibrary {
        HANDLE CreateMailslot(String lpName, int nMaxMessageSize, int lReadTimeout,
                              WinBase.SECURITY_ATTRIBUTES lpSecurityAttributes);

        boolean GetMailslotInfo(HANDLE hMailslot, IntByReference lpMaxMessageSize, IntByReference lpNextSize,
                                IntByReference lpMessageCount, IntByReference lpReadTimeout);
    }

    private final Kernel32 kernel32;
    private final MailslotApi mailslots;

    JnaKernel32Mailslots() {
        this.kernel32 = Kernel32.INSTANCE;
        this.mailslots = Native.load("kernel32", MailslotApi.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    @Override
    public MailslotHandle createMailslot(String name, int maxMessageSize, int readTimeoutMs) throws Win32Exception {
        HANDLE h = mailslots.CreateMailslot(name, maxMessageSize, readTimeoutMs, null);
        return checked(h, "CreateMailslot(" + name + ")");
    }

    @Override
    public MailslotInfo getMailslotInfo(MailslotHandle slot) throws Win32Exception {
        IntByReference max = new IntByReference();
        IntByReference next = new IntByReference();
        IntByReference count = new IntByReference();
        IntByReference timeout = new IntByReference();
        if (!mailslots.GetMailslotInfo(handle(slot), max, next, count, timeout)) {
            throw failure("GetMailslotInfo(" + slot + ")");
        }
        return new MailslotInfo(max.getValue(), next.getValue(), count.getValue(), timeout.getValue());
    }

    @Override
    public int readFile(MailslotHandle slot, byte[] buffer) throws Win32Exception {
        IntByReference read = new IntByReference();
        if (kernel32.ReadFile(handle(slot), buffer, buffer.length, read, null)) {
            return read.getValue();
        }
        Win32Error error = lastError();
        if (error.code() == Win32Error.SEM_TIMEOUT.code()) { // how a mailslot read reports its timeout
            return READ_TIMED_OUT;
        }
        throw new Win32Exception("ReadFile(" + slot + ")", error);
    }

    @Override
    public MailslotHandle openForWrite(String path) throws Win32Exception {
        HANDLE h = kernel32.CreateFile(path, WinNT.GENERIC_WRITE, WinNT.FILE_SHARE_READ, null, WinNT.OPEN_EXISTING,
                WinNT.FILE_ATTRIBUTE_NORMAL, null);
        return checked(h, "CreateFile(" + path + ")");
    }

    @Override
    public int writeFile(MailslotHandle file, byte[] message) throws Win32Exception {
        IntByReference written = new IntByReference();
        if (!kernel32.WriteFile(handle(file), message, message.length, written, null)) {
            throw failure("WriteFile(" + file + ", " + message.length + " bytes)");
        }
        return written.getValue();
    }

    @Override
    public void closeHandle(MailslotHandle handle) throws Win32Exception {
        if (!kernel32.CloseHandle(handle(handle))) {
            throw failure("CloseHandle(" + handle + ")");
        }
    }

    @Override
    public Win32Error lastError() {
        return Win32Error.of(Native.getLastError()); // JNA saves it right after each call, unlike GetLastError()
    }

    private MailslotHandle checked(HANDLE h, String operation) throws Win32Exception {
        if (h == null || WinBase.INVALID_HANDLE_VALUE.equals(h)) {
            throw failure(operation);
        }
        return new MailslotHandle(Pointer.nativeValue(h.getPointer()));
    }

    private Win32Exception failure(String operation) {
        return new Win32Exception(operation, lastError());
    }

    private static HANDLE handle(MailslotHandle h) {
        return new HANDLE(new Pointer(h.value()));
    }
}
