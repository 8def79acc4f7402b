package org.traytalk.config;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The settings the carriers are built from: a change to any of them takes effect when TrayTalk restarts, and
 * {@link #equals} tells whether one happened. Each is documented at {@link Settings}.
 */
public record NetworkSettings(List<String> carriers, int udpPort, List<String> interfaces, List<String> extraTargets,
                              String group, Charset legacyCharset, String netbiosWorkgroup, boolean nameService,
                              String passphrase) {

    @Override
    public String toString() {
        return "NetworkSettings[carriers=" + carriers + ", udp.port=" + udpPort + ", group=" + group
                + (passphrase.isEmpty() ? "" : ", with a passphrase") + "]";
    }
}
