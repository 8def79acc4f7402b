package org.traytalk.carrier.netbios;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/**
 * How a {@link NetbiosCarrier} runs.
 *
 * @param computerName our NetBIOS name (frames to {@code NAME<00>} are ours); the node's display name
 * @param workgroup    the workgroup "everyone" frames go to and that we accept frames for
 * @param group        the mailslot name, e.g. FOXAPP ({@code \MAILSLOT\FOXAPP} on the wire)
 * @param charset      the legacy code page text is written in
 * @param interfaces   interface names whose subnets get "everyone" frames; empty: every non-loopback one
 * @param port         138, except in tests
 * @param namePort     137 to answer name queries for our name; 0 not to (no socket on 137 then)
 */
public record NetbiosCarrierOptions(String computerName, String workgroup, String group, Charset charset,
                                    List<String> interfaces, int port, int namePort) {
    public static final int PORT = 138;
    public static final int NAME_PORT = 137;
    public static final String DEFAULT_WORKGROUP = "WORKGROUP";

    public NetbiosCarrierOptions {
        interfaces = List.copyOf(interfaces);
    }

    String mailslot() {
        return "\\MAILSLOT\\" + group.toUpperCase(Locale.ROOT);
    }
}
