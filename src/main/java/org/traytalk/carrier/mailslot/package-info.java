/**
 * The Win32 mailslot carrier, the original LAN messenger's own transport (Windows only).
 *
 * <p>{@link MailslotCarrier} receives on {@code \\.\mailslot\GROUP} with one daemon
 * thread ({@code traytalk-mailslot-read-GROUP}) that blocks in {@code ReadFile} for at most the read timeout
 * (500 ms by default) and so also notices {@code close()} within it; it sends with {@code CreateFile} +
 * {@code WriteFile} to {@code \\HOST\mailslot\GROUP}, or to {@code \\*\mailslot\GROUP} for everyone.
 *
 * <p>Sizes: we send at most 250 bytes, because the original creates its slot with a 250-byte maximum and a
 * longer remote message is silently dropped by the receiving computer. Our own slot accepts 424 bytes, the
 * longest payload Windows puts into one remote mailslot write (512-byte SMB limit), so longer messages from
 * other TrayTalk versions are not lost.
 *
 * <p>Addresses: a mailslot does not tell who wrote a message, so the peer address is the sender computer name
 * in the first 24 bytes of the message (space-padded, in the legacy code page). This carrier reads no other
 * byte. A message whose field names no computer arrives from {@code mailslot:?}, which cannot be answered.
 * TrayTalk's display name must therefore be the computer name for replies over mailslots to arrive.
 *
 * <p>Error codes (modelled by the test fake, where Windows documentation is silent): a read timeout is
 * {@code ERROR_SEM_TIMEOUT}; a buffer smaller than the next message {@code ERROR_INSUFFICIENT_BUFFER}, leaving the
 * message queued; a local write above the slot's maximum {@code ERROR_INVALID_PARAMETER} (the mailslot file
 * system answers {@code STATUS_INVALID_PARAMETER}); remote writes never learn whether anyone received them.
 *
 * <p>Remote mailslots are disabled by default from Windows 11 24H2 and Windows Server 2025 (Group Policy
 * "Enable remote mailslots" under Lanman Workstation and Lanman Server) and need NetBIOS over TCP/IP; the
 * carrier's error messages say so.
 */
package org.traytalk.carrier.mailslot;
