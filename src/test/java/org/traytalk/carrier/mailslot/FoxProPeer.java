package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The original FoxPro LAN messenger, step for step (../shared/seed/lan-messenger-mailslot.md), on a fake Windows
 * computer: it builds its messages by hand (PADR, STR(n,12), flags, body) and reads them the same way, so tests
 * see exactly the bytes the original writes and expects.
 */
final class FoxProPeer {
    static final int MAX_MESSAGE_SIZE = 250;
    static final int READ_TIMEOUT = 500;

    final String localName;
    final List<String> displayed = new ArrayList<>();
    final List<byte[]> received = new ArrayList<>();
    final Set<String> online = new HashSet<>();
    final Set<Integer> confirmed = new HashSet<>();
    private final FakeKernel32Mailslots kernel;
    private final Charset ansi;
    private final String slot;
    private final Set<String> seen = new HashSet<>();
    private MailslotHandle handle;
    private int msgId;

    FoxProPeer(FakeKernel32Mailslots kernel, String localName, Charset ansi, int tickCount) {
        this.kernel = kernel;
        this.localName = localName;
        this.ansi = ansi;
        this.slot = "FOXAPP";
        this.msgId = tickCount;
    }

    /** TurnOn: create the slot, then DETECT and ONLINE to everyone. */
    void turnOn() throws Win32Exception {
        handle = kernel.createMailslot("\\\\.\\mailslot\\" + slot, MAX_MESSAGE_SIZE, READ_TIMEOUT);
        sendMessage("*", "DETECT", true, true);
        sendMessage("*", "ONLINE", false, true);
    }

    void turnOff() throws Win32Exception {
        sendMessage("*", "OFFLINE", false, true);
        kernel.closeHandle(handle);
    }

    /** SendMessage: returns the id used. */
    int sendMessage(String recipient, String body, boolean confReq, boolean sysMsg) throws Win32Exception {
        MailslotHandle file = kernel.openForWrite("\\\\" + recipient.trim().toUpperCase() + "\\mailslot\\" + slot);
        msgId++;
        String msg = padr(localName, 24) + str(msgId, 12) + (confReq ? "1" : "0") + (sysMsg ? "1" : "0") + body;
        byte[] bytes = msg.getBytes(ansi);
        kernel.writeFile(file, bytes);
        kernel.closeHandle(file);
        return msgId;
    }

    /** GetMessages, as the timer does once a second: everything waiting, then OnInboundMsg for each. */
    void getMessages() throws Win32Exception {
        while (true) {
            MailslotInfo info = kernel.getMailslotInfo(handle);
            if (info.messageCount() == 0) {
                return;
            }
            byte[] buffer = new byte[info.nextSize()];
            int n = kernel.readFile(handle, buffer);
            if (n >= 38) {
                received.add(Arrays.copyOf(buffer, n));
                onInboundMsg(new String(buffer, 0, n, ansi));
            }
        }
    }

    private void onInboundMsg(String last) throws Win32Exception {
        String sender = last.substring(0, 24);
        if (sender.trim().equals(localName)) {
            return;
        }
        int id = val(last.substring(24, 36));
        boolean sys = last.charAt(37) == '1';
        String body = last.substring(38);
        if (!seen.add(sender + "/" + id)) {
            return;
        }
        if (!sys) {
            sendMessage(sender, "CONF " + id, false, true);
            displayed.add(sender.trim() + ": " + body);
        } else if (body.startsWith("CONF")) {
            confirmed.add(val(body.substring(5)));
        } else if (body.equals("DETECT")) {
            sendMessage(sender, "ONLINE", false, true);
        }
        if (body.equals("OFFLINE")) {
            online.remove(sender.trim());
        } else {
            online.add(sender.trim());
        }
    }

    private static String padr(String s, int n) {
        return s.length() >= n ? s.substring(0, n) : s + " ".repeat(n - s.length());
    }

    private static String str(int n, int width) {
        String digits = Integer.toString(n);
        return " ".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static int val(String s) {
        String t = s.trim();
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || (end == 0 && t.charAt(0) == '-'))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(t.substring(0, end));
    }
}
