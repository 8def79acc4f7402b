package org.traytalk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.mailslot.MailslotCarrier;
import org.traytalk.carrier.mailslot.MailslotCarrierOptions;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.carrier.netbios.NetbiosCarrier;
import org.traytalk.carrier.netbios.NetbiosCarrierOptions;
import org.traytalk.carrier.udp.UdpCarrier;
import org.traytalk.carrier.udp.UdpCarrierOptions;
import org.traytalk.config.ComputerName;
import org.traytalk.config.Settings;

/** Builds the carriers the settings name, in the order they name them (the order they start in). */
final class CarrierAssembly {

    private CarrierAssembly() {
    }

    /**
     * Carriers that cannot run here are left out, each with a warning saying why and what to do.
     *
     * @param housekeeping where carriers do light periodic work (the UDP carrier's look at the addresses)
     * @param instanceId   this process's random instance id, which TrayTalk's carriers and announcements carry
     */
    static List<Carrier> build(Settings settings, NetworkView network, ScheduledExecutorService housekeeping,
                               long instanceId, List<String> warnings) {
        List<Carrier> carriers = new ArrayList<>();
        for (String name : settings.carriers()) {
            if (UdpCarrier.NAME.equals(name)) {
                carriers.add(new UdpCarrier(udpOptions(settings, instanceId), network, housekeeping));
            } else if (MailslotCarrier.NAME.equals(name)) {
                mailslot(settings, warnings).ifPresent(carriers::add);
            } else if (NetbiosCarrier.NAME.equals(name)) {
                netbios(settings, network, warnings).ifPresent(carriers::add);
            } else {
                warnings.add("Carrier \"" + name + "\" (setting carriers) is not available in this version yet;"
                        + " TrayTalk uses the others.");
            }
        }
        return carriers;
    }

    static UdpCarrierOptions udpOptions(Settings s, long instanceId) {
        return new UdpCarrierOptions(s.udpPort(), s.group(), instanceId, s.interfaces(), s.extraTargets());
    }

    static MailslotCarrierOptions mailslotOptions(Settings s) {
        return new MailslotCarrierOptions(s.group(), s.legacyCharset());
    }

    /** {@code netbios.nameservice} off means no socket on UDP 137. */
    static NetbiosCarrierOptions netbiosOptions(Settings s) {
        return new NetbiosCarrierOptions(s.displayName(), s.netbiosWorkgroup(), s.group(), s.legacyCharset(),
                s.interfaces(), NetbiosCarrierOptions.PORT, s.nameService() ? NetbiosCarrierOptions.NAME_PORT : 0);
    }

    private static Optional<Carrier> mailslot(Settings settings, List<String> warnings) {
        try {
            Carrier carrier = MailslotCarrier.forThisOs(mailslotOptions(settings));
            String computer = ComputerName.ofThisMachine();
            if (!computer.equalsIgnoreCase(settings.displayName())) {
                warnings.add("Mailslot peers answer to the computer name " + computer + ", but the setting"
                        + " name is " + settings.displayName() + ": their receipts will not reach you."
                        + " Leave name at its default to use mailslots.");
            }
            return Optional.of(carrier);
        } catch (CarrierException e) {
            warnings.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** The NetBIOS carrier; its start-up warnings (nmbd on UDP 138) join the ones printed once the node runs. */
    private static Optional<Carrier> netbios(Settings settings, NetworkView network, List<String> warnings) {
        try {
            return Optional.of(new NetbiosCarrier(netbiosOptions(settings), network, w -> {
                synchronized (warnings) {
                    warnings.add(w);
                }
            }));
        } catch (IllegalArgumentException e) {
            warnings.add("The netbios carrier is off: " + e.getMessage() + " (settings name and netbios.workgroup"
                    + " must be NetBIOS names for it). TrayTalk uses the other carriers.");
            return Optional.empty();
        }
    }
}
