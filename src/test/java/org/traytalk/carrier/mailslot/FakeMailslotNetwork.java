package org.traytalk.carrier.mailslot;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A LAN of fake Windows computers; each one's kernel32 is a {@link FakeKernel32Mailslots}. */
final class FakeMailslotNetwork {

    private final Map<String, FakeKernel32Mailslots> hosts = new ConcurrentHashMap<>();

    /** The computer with this name, created on first use; names compare case-insensitively like NetBIOS names. */
    FakeKernel32Mailslots host(String computerName) {
        return hosts.computeIfAbsent(key(computerName), k -> new FakeKernel32Mailslots(this, computerName));
    }

    Optional<FakeKernel32Mailslots> find(String computerName) {
        return Optional.ofNullable(hosts.get(key(computerName)));
    }

    List<FakeKernel32Mailslots> hosts() {
        return List.copyOf(hosts.values());
    }

    private static String key(String computerName) {
        return computerName.toUpperCase(Locale.ROOT);
    }
}
