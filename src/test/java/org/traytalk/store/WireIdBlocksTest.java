package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireIdBlocksTest {
    @TempDir
    Path dir;

    /** Answers every bounded int request with one value, and records the bounds asked for. */
    static final class FixedRandom implements RandomGenerator {
        final int value;
        int origin;
        int bound;

        FixedRandom(int value) {
            this.value = value;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded ints are expected");
        }

        @Override
        public int nextInt(int origin, int bound) {
            this.origin = origin;
            this.bound = bound;
            return value;
        }
    }

    @Test
    void firstBlockStartsAtTheRandomPointInTheLowerQuarter() {
        FixedRandom random = new FixedRandom(123_456);
        try (MessageStore store = StoreFiles.open(dir.resolve("a.db"), random)) {
            assertThat(store.reserveWireIds(10)).isEqualTo(123_456);
            assertThat(store.reserveWireIds(1)).isEqualTo(123_466);
        }
        assertThat(random.origin).isEqualTo(1);
        assertThat(random.bound).isEqualTo((1 << 30) + 1);
    }

    @Test
    void seededRandomStartsWithinOneToTwoToThe30() {
        for (int seed = 0; seed < 20; seed++) {
            try (MessageStore store = StoreFiles.open(dir.resolve(seed + ".db"), new SplittableRandom(seed))) {
                assertThat(store.reserveWireIds(1)).isBetween(1, 1 << 30);
            }
        }
    }

    @Test
    void blocksNeverOverlapAcrossReopen() {
        Path file = dir.resolve("ids.db");
        int first;
        try (MessageStore store = StoreFiles.open(file, new FixedRandom(1000))) {
            first = store.reserveWireIds(100);
        }
        // a different random on reopen must not matter: the high-water mark is stored
        try (MessageStore store = StoreFiles.open(file, new FixedRandom(5))) {
            assertThat(store.reserveWireIds(50)).isEqualTo(first + 100);
        }
        try (MessageStore store = StoreFiles.open(file, new FixedRandom(5))) {
            assertThat(store.reserveWireIds(1)).isEqualTo(first + 150);
        }
    }

    @Test
    void blockThatWouldPassTheTopStartsAgainAtOne() throws Exception {
        Path file = dir.resolve("wrap.db");
        try (MessageStore store = StoreFiles.open(file, new FixedRandom(1))) {
            store.reserveWireIds(1);
        }
        setNext(file, Integer.MAX_VALUE - 9);
        try (MessageStore store = StoreFiles.open(file)) {
            assertThat(store.reserveWireIds(10)).isEqualTo(Integer.MAX_VALUE - 9); // ends exactly at the top
            assertThat(store.reserveWireIds(5)).isEqualTo(1);
            assertThat(store.reserveWireIds(1)).isEqualTo(6);
        }
        setNext(file, Integer.MAX_VALUE - 2);
        try (MessageStore store = StoreFiles.open(file)) {
            assertThat(store.reserveWireIds(4)).isEqualTo(1); // would straddle the top: restarts at 1 whole
        }
        assertThat(next(file)).isEqualTo(5);
    }

    @Test
    void countMustBePositive() {
        try (MessageStore store = StoreFiles.open(dir.resolve("n.db"))) {
            assertThatThrownBy(() -> store.reserveWireIds(0)).isInstanceOf(IllegalArgumentException.class);
            int first = store.reserveWireIds(1); // the failed call left nothing half-done
            assertThat(store.reserveWireIds(1)).isEqualTo(first + 1);
        }
    }

    private static void setNext(Path file, long next) throws Exception {
        try (Connection c = StoreFiles.raw(file);
             PreparedStatement update = c.prepareStatement("UPDATE meta SET value = ? WHERE name = 'next_wire_id'")) {
            update.setLong(1, next);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static long next(Path file) throws Exception {
        try (Connection c = StoreFiles.raw(file);
             ResultSet row = c.createStatement().executeQuery("SELECT value FROM meta WHERE name = 'next_wire_id'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
