package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.store.MessageStore;
import org.traytalk.store.SqliteMessageStore;

class WireIdsTest {
    @TempDir
    Path tmp;

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    @Test
    void thePermutationNeverRepeatsNeverGivesZeroAndStaysInRange() {
        WireIds ids = new WireIds(null, key(1));
        Set<Integer> seen = new HashSet<>();
        for (int counter = 1; counter <= 200_000; counter++) {
            int id = ids.permute(counter);
            assertThat(id).isBetween(1, Integer.MAX_VALUE);
            assertThat(seen.add(id)).as("id %d for counter %d", id, counter).isTrue();
        }
        for (int counter = Integer.MAX_VALUE - 1000; counter > 0 && counter <= Integer.MAX_VALUE - 1; counter++) {
            assertThat(seen.add(ids.permute(counter))).isTrue();
        }
        assertThatThrownBy(() -> ids.permute(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextIdsCannotBeGuessedFromOneSeen() {
        WireIds ids = new WireIds(null, key(2));
        int neighbours = 0;
        for (int counter = 1; counter < 10_000; counter++) {
            if (Math.abs((long) ids.permute(counter + 1) - ids.permute(counter)) < 1000) {
                neighbours++;
            }
        }
        assertThat(neighbours).isLessThan(20); // by chance about 10 of 10,000 land this close
        assertThat(new WireIds(null, key(3)).permute(1)).isNotEqualTo(ids.permute(1));
    }

    @Test
    void idsFromTheStoreDoNotRepeatAcrossRestarts() {
        Set<Integer> seen = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            try (MessageStore store = SqliteMessageStore.open(tmp.resolve("h.db"), Clock.systemUTC(), new Random(4))) {
                WireIds ids = new WireIds(store, key(5));
                for (int i = 0; i < 1000; i++) {
                    assertThat(seen.add(ids.next())).isTrue();
                }
            }
        }
    }
}
