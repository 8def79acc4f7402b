package org.traytalk.engine;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.model.PeerAddress;

/**
 * Another computer sends under our name. The user hears it once per name (the fix, another name, is the same whoever
 * it is); each further source goes to the log, at most {@value #LOGGED} of them. So datagrams under our name from
 * ever new ports or addresses add nothing to the tray, and the memory kept for them stays small. Engine thread only.
 */
final class NameClashes {
    private static final Logger LOG = LoggerFactory.getLogger(NameClashes.class);
    static final int LOGGED = 16;

    private final Consumer<String> problems;
    private final Set<PeerAddress> sources = new HashSet<>();
    private String clashingName = "";

    /** @param problems where the one report per name goes (the tray, the console) */
    NameClashes(Consumer<String> problems) {
        this.problems = problems;
    }

    /** A datagram from {@code source} came under our name {@code me}. */
    void heard(PeerAddress source, String me) {
        if (!clashingName.equalsIgnoreCase(me)) {
            clashingName = me;
            sources.clear();
        }
        if (sources.size() >= LOGGED || !sources.add(source)) {
            return;
        }
        String text = "Another computer (" + source.address() + ") also calls itself " + me + ": messages to this name"
                + " may go to either. Change \"name\" in the settings.";
        LOG.warn(text);
        if (sources.size() == 1) {
            problems.accept(text);
        }
    }
}
