package katas.testjvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Splits a kata's tests between test JVMs that run side by side, so that they finish at about the same time.
 *
 * <p>Each test weighs what it took last time (a new test weighs {@link #UNKNOWN_MILLIS}); the heaviest go first,
 * each to the JVM with the least work so far. Every JVM computes the same split from the same inputs, so each one
 * can pick its own share without talking to the others.
 */
final class TestShards {

    static final long UNKNOWN_MILLIS = 100;

    private TestShards() {
    }

    /**
     * The ids of the tests that JVM {@code shard} (of {@code shards}) runs.
     *
     * @param tests     every test's unique id, with its key in {@code lastMillis}
     * @param lastMillis how long each test took last time, by key
     */
    static List<String> share(Map<String, String> tests, Map<String, Long> lastMillis, int shard, int shards) {
        List<Map.Entry<String, String>> heaviestFirst = new ArrayList<>(tests.entrySet());
        heaviestFirst.sort(Comparator.<Map.Entry<String, String>>comparingLong(
                        test -> -lastMillis.getOrDefault(test.getValue(), UNKNOWN_MILLIS))
                .thenComparing(Map.Entry::getKey));
        long[] load = new long[shards];
        List<String> mine = new ArrayList<>();
        for (Map.Entry<String, String> test : heaviestFirst) {
            int lightest = 0;
            for (int i = 1; i < shards; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            load[lightest] += Math.max(1, lastMillis.getOrDefault(test.getValue(), UNKNOWN_MILLIS));
            if (lightest == shard) {
                mine.add(test.getKey());
            }
        }
        return mine;
    }
}
