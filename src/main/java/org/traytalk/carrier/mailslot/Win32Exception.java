package org.traytalk.carrier.mailslot;

/** A kernel32 call failed; carries the call, its argument and the Win32 error. */
public class Win32Exception extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Win32Error error;
    private final String operation;

    public Win32Exception(String operation, Win32Error error) {
        super(operation + " failed: " + error);
        this.operation = operation;
        this.error = error;
    }

    public Win32Error error() {
        return error;
    }

    /** The failed call, e.g. {@code CreateFile(\\HOST\mailslot\FOXAPP)}. */
    public String operation() {
        return operation;
    }

    /** True when this failure carries the given error code. */
    public boolean is(Win32Error other) {
        return error.code() == other.code();
    }
}
