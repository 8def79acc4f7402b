package org.traytalk.carrier.mailslot;

import java.util.Set;
import org.traytalk.carrier.CarrierException;

/** Turns Win32 failures into messages that tell the user what happened and how to fix it. */
final class MailslotFailures {

    /** Errors Windows gives when remote mailslots are switched off or the NetBIOS path is broken. */
    private static final Set<Integer> REMOTE_PATH_ERRORS = Set.of(Win32Error.ACCESS_DENIED.code(),
            Win32Error.NOT_SUPPORTED.code(), Win32Error.REM_NOT_LIST.code(), Win32Error.NETWORK_BUSY.code(),
            Win32Error.DEV_NOT_EXIST.code(), Win32Error.UNEXP_NET_ERR.code(), Win32Error.NETNAME_DELETED.code(),
            Win32Error.NETWORK_ACCESS_DENIED.code(), Win32Error.BAD_NET_NAME.code(),
            Win32Error.NO_NET_OR_BAD_PATH.code(), Win32Error.NO_NETWORK.code(),
            Win32Error.NETWORK_UNREACHABLE.code(), Win32Error.HOST_UNREACHABLE.code());

    static final String REMOTE_MAILSLOTS_HINT = "Remote mailslots are disabled by default from Windows 11 24H2 and"
            + " Windows Server 2025: turn on the Group Policy \"Enable remote mailslots\" (Computer Configuration >"
            + " Administrative Templates > Network, under both Lanman Workstation to send and Lanman Server to"
            + " receive) on every computer of the group, and make sure NetBIOS over TCP/IP is enabled on the"
            + " network adapter (UDP ports 137 and 138).";

    private MailslotFailures() {
    }

    static CarrierException creating(MailslotPath slot, Win32Exception e) {
        if (e.is(Win32Error.ALREADY_EXISTS)) {
            return new CarrierException("Cannot receive over mailslots: another copy of TrayTalk or the original"
                    + " LAN messenger is already running on this computer (mailslot " + slot + " exists)."
                    + " Close it, or use another group.", e);
        }
        if (e.is(Win32Error.INVALID_NAME) || e.is(Win32Error.PATH_NOT_FOUND)) {
            return new CarrierException("Cannot create mailslot " + slot + ": Windows rejects the group name "
                    + slot.name() + " (" + e.error() + ")", e);
        }
        return new CarrierException("Cannot create mailslot " + slot + ": " + e.error(), e);
    }

    static CarrierException sending(MailslotPath target, int size, Win32Exception e) {
        String to = target.isEveryone() ? "everyone (" + target + ")" : target.host() + " (" + target + ")";
        if (e.is(Win32Error.BAD_NETPATH)) {
            return new CarrierException("Peer " + target.host() + " is unreachable: Windows cannot find a computer"
                    + " named " + target.host() + " on the network (" + target + ": " + e.error() + "). It may be"
                    + " switched off or on another network, or its name does not resolve (NetBIOS over TCP/IP"
                    + " must be enabled on the network adapter, or the name listed in LMHOSTS or DNS).", e);
        }
        if (e.is(Win32Error.INVALID_PARAMETER) && e.operation().startsWith("WriteFile")) {
            return new CarrierException("Windows refused the " + size + "-byte message to " + to + " as too large ("
                    + e.error() + "); mailslot messages to other computers are limited to "
                    + MailslotCarrier.REMOTE_WRITE_LIMIT + " bytes, and the original LAN messenger accepts at most "
                    + MailslotCarrier.MAX_MESSAGE_BYTES + ".", e);
        }
        if (REMOTE_PATH_ERRORS.contains(e.error().code())) {
            return new CarrierException("Windows refused to send to " + to + ": " + e.error() + ". "
                    + REMOTE_MAILSLOTS_HINT, e);
        }
        if (e.is(Win32Error.FILE_NOT_FOUND) && target.isLocal()) {
            return new CarrierException("No mailslot " + target + " exists on this computer (" + e.error() + ")", e);
        }
        return new CarrierException("Could not send to " + to + ": " + e.error(), e);
    }

    static CarrierException tooLarge(int size) {
        return new CarrierException("Message of " + size + " bytes is too large for the mailslot carrier (at most "
                + MailslotCarrier.MAX_MESSAGE_BYTES + " bytes, the original LAN messenger's mailslot limit)");
    }
}
