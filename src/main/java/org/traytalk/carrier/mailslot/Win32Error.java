package org.traytalk.carrier.mailslot;

import java.util.HashMap;
import java.util.Map;

/**
 * A Win32 error code ({@code GetLastError}) with its symbolic name, for messages and tests.
 *
 * @param code the numeric code
 * @param name the {@code ERROR_...} name, or {@code ERROR_<code>} for codes this table does not know
 */
public record Win32Error(int code, String name) {

    public static final Win32Error SUCCESS = new Win32Error(0, "ERROR_SUCCESS");
    public static final Win32Error FILE_NOT_FOUND = new Win32Error(2, "ERROR_FILE_NOT_FOUND");
    public static final Win32Error PATH_NOT_FOUND = new Win32Error(3, "ERROR_PATH_NOT_FOUND");
    public static final Win32Error ACCESS_DENIED = new Win32Error(5, "ERROR_ACCESS_DENIED");
    public static final Win32Error INVALID_HANDLE = new Win32Error(6, "ERROR_INVALID_HANDLE");
    public static final Win32Error NOT_SUPPORTED = new Win32Error(50, "ERROR_NOT_SUPPORTED");
    public static final Win32Error REM_NOT_LIST = new Win32Error(51, "ERROR_REM_NOT_LIST");
    public static final Win32Error BAD_NETPATH = new Win32Error(53, "ERROR_BAD_NETPATH");
    public static final Win32Error NETWORK_BUSY = new Win32Error(54, "ERROR_NETWORK_BUSY");
    public static final Win32Error DEV_NOT_EXIST = new Win32Error(55, "ERROR_DEV_NOT_EXIST");
    public static final Win32Error UNEXP_NET_ERR = new Win32Error(59, "ERROR_UNEXP_NET_ERR");
    public static final Win32Error NETNAME_DELETED = new Win32Error(64, "ERROR_NETNAME_DELETED");
    public static final Win32Error NETWORK_ACCESS_DENIED = new Win32Error(65, "ERROR_NETWORK_ACCESS_DENIED");
    public static final Win32Error BAD_NET_NAME = new Win32Error(67, "ERROR_BAD_NET_NAME");
    public static final Win32Error INVALID_PARAMETER = new Win32Error(87, "ERROR_INVALID_PARAMETER");
    public static final Win32Error SEM_TIMEOUT = new Win32Error(121, "ERROR_SEM_TIMEOUT");
    public static final Win32Error INSUFFICIENT_BUFFER = new Win32Error(122, "ERROR_INSUFFICIENT_BUFFER");
    public static final Win32Error INVALID_NAME = new Win32Error(123, "ERROR_INVALID_NAME");
    public static final Win32Error ALREADY_EXISTS = new Win32Error(183, "ERROR_ALREADY_EXISTS");
    public static final Win32Error NO_NET_OR_BAD_PATH = new Win32Error(1203, "ERROR_NO_NET_OR_BAD_PATH");
    public static final Win32Error NO_NETWORK = new Win32Error(1222, "ERROR_NO_NETWORK");
    public static final Win32Error NETWORK_UNREACHABLE = new Win32Error(1231, "ERROR_NETWORK_UNREACHABLE");
    public static final Win32Error HOST_UNREACHABLE = new Win32Error(1232, "ERROR_HOST_UNREACHABLE");

    private static final Map<Integer, Win32Error> KNOWN = index(SUCCESS, FILE_NOT_FOUND, PATH_NOT_FOUND,
            ACCESS_DENIED, INVALID_HANDLE, NOT_SUPPORTED, REM_NOT_LIST, BAD_NETPATH, NETWORK_BUSY, DEV_NOT_EXIST,
            UNEXP_NET_ERR, NETNAME_DELETED, NETWORK_ACCESS_DENIED, BAD_NET_NAME, INVALID_PARAMETER, SEM_TIMEOUT,
            INSUFFICIENT_BUFFER, INVALID_NAME, ALREADY_EXISTS, NO_NET_OR_BAD_PATH, NO_NETWORK, NETWORK_UNREACHABLE,
            HOST_UNREACHABLE);

    /** The error for a code; unknown codes get a generic name rather than failing. */
    public static Win32Error of(int code) {
        Win32Error known = KNOWN.get(code);
        return known != null ? known : new Win32Error(code, "ERROR_" + Integer.toUnsignedString(code));
    }

    private static Map<Integer, Win32Error> index(Win32Error... errors) {
        Map<Integer, Win32Error> map = new HashMap<>();
        for (Win32Error e : errors) {
            map.put(e.code(), e);
        }
        return Map.copyOf(map);
    }

    @Override
    public String toString() {
        return name + " (" + Integer.toUnsignedString(code) + ")";
    }
}
