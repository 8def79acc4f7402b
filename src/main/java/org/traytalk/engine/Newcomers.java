package org.traytalk.engine;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.flow.Allowance;
import org.traytalk.model.Peer;
import org.traytalk.store.MessageStore;
import org.traytalk.trust.KeyPins;

/**
 * Lets a name never heard before into the roster, the peers table and the pins only while there is room: at most
 * {@link #MAX_PEERS} names, and new ones at {@link #NEW_NAMES}. When the roster is full, offline names nothing ties
 * us to (no conversation, no identity offered under them), heard from longest ago, make room; when none can, the
 * newcomer is refused (counted) until one can. So thousands of made-up names cost a bounded roster and table, and the
 * real peers stay. Engine thread only.
 */
final class Newcomers {
    private static final Logger LOG = LoggerFactory.getLogger(Newcomers.class);
    /** Names the roster holds at most; more than an office has computers. */
    static final int MAX_PEERS = 2_000;
    /** How many room is made for at once when the roster is full: a tenth, so pruning is not done per newcomer. */
    static final int PRUNE_AT_ONCE = MAX_PEERS / 10;
    /** New names: 200 at once (an office switching on), then 20 a second. */
    static final Allowance.Rate NEW_NAMES = new Allowance.Rate(20, 200);
    /** A full roster is searched for names to forget at most every 10 seconds: each candidate costs a store query. */
    static final Allowance.Rate PRUNING = Allowance.Rate.oncePer(10);

    private final Roster roster;
    private final KeyPins pins;
    private final MessageStore store;
    private final Refusals refusals;
    private final Allowance<Class<?>> newNames;
    private final Allowance<Class<?>> pruning;

    /** @param nanos the monotonic clock of the allowances */
    Newcomers(Roster roster, KeyPins pins, MessageStore store, Refusals refusals, LongSupplier nanos) {
        this.roster = roster;
        this.pins = pins;
        this.store = store;
        this.refusals = refusals;
        this.newNames = new Allowance<>(NEW_NAMES, 1, nanos);
        this.pruning = new Allowance<>(PRUNING, 1, nanos);
    }

    /** Whether {@code name} may be heard: a known name always, a new one if there is room and it is not one too many. */
    boolean admit(String name, Object source) {
        if (roster.get(name).isPresent() || pins.pinned(name).isPresent()) {
            return true;
        }
        if (roster.size() >= MAX_PEERS && (!pruning.take(Newcomers.class) || prune(PRUNE_AT_ONCE) == 0)) {
            refusals.count("new name, but the peers table is full of peers heard lately", source, name);
            return false;
        }
        if (!newNames.take(Newcomers.class)) {
            refusals.count("too many new names at once", source, name);
            return false;
        }
        return true;
    }

    /** Brings a roster loaded over the limit (an older version kept every name) back within it. */
    void tidy() {
        if (roster.size() > MAX_PEERS) {
            prune(roster.size() - MAX_PEERS + PRUNE_AT_ONCE);
        }
    }

    /** Forgets up to {@code wanted} offline names nothing ties us to, oldest first; returns how many. */
    private int prune(int wanted) {
        int forgotten = 0;
        for (Peer p : roster.offlineOldestFirst()) {
            if (forgotten >= wanted) {
                break;
            }
            if (store.forgetPeer(p.name())) {
                roster.remove(p.name());
                pins.forget(p.name());
                forgotten++;
            }
        }
        if (forgotten > 0) {
            LOG.info("Forgot {} peers that were offline and never messaged, to make room in the peers table",
                    forgotten);
        }
        return forgotten;
    }
}
