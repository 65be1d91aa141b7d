package katas.testjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestShardsTest {

    /** Tests by unique id, each with its key (here simply "key of" its id). */
    private static Map<String, String> tests(String... ids) {
        Map<String, String> tests = new LinkedHashMap<>();
        for (String id : ids) {
            tests.put(id, "key of " + id);
        }
        return tests;
    }

    @Test
    void every_test_runs_in_exactly_one_jvm() {
        Map<String, String> tests = tests("a", "b", "c", "d", "e", "f", "g");

        List<String> all = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            all.addAll(TestShards.share(tests, Map.of(), shard, 3));
        }

        assertThat(all).containsExactlyInAnyOrderElementsOf(tests.keySet());
    }

    @Test
    void one_jvm_runs_every_test() {
        assertThat(TestShards.share(tests("a", "b", "c"), Map.of(), 0, 1)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void the_slow_tests_go_to_different_jvms_and_the_quick_ones_fill_up_the_rest() {
        Map<String, Long> lastMillis = Map.of("key of slow1", 2000L, "key of slow2", 1900L,
                "key of quick1", 100L, "key of quick2", 100L, "key of quick3", 100L);
        Map<String, String> tests = tests("quick1", "slow1", "quick2", "slow2", "quick3");

        List<String> first = TestShards.share(tests, lastMillis, 0, 2);
        List<String> second = TestShards.share(tests, lastMillis, 1, 2);

        assertThat(first).containsExactlyInAnyOrder("slow1", "quick2");
        assertThat(second).containsExactlyInAnyOrder("slow2", "quick1", "quick3");
    }

    @Test
    void the_split_does_not_depend_on_the_order_the_tests_were_found_in() {
        Map<String, Long> lastMillis = Map.of("key of b", 300L, "key of d", 300L);

        List<String> one = TestShards.share(tests("a", "b", "c", "d", "e"), lastMillis, 0, 2);
        List<String> other = TestShards.share(tests("e", "d", "c", "b", "a"), lastMillis, 0, 2);

        assertThat(one).containsExactlyInAnyOrderElementsOf(other);
    }

    @Test
    void with_no_times_known_the_tests_are_split_by_count() {
        Map<String, String> tests = tests("a", "b", "c", "d", "e", "f");

        assertThat(TestShards.share(tests, Map.of(), 0, 2)).hasSize(3);
        assertThat(TestShards.share(tests, Map.of(), 1, 2)).hasSize(3);
    }

    @Test
    void a_jvm_may_get_nothing_when_there_are_fewer_tests_than_jvms() {
        assertThat(TestShards.share(tests("a"), Map.of(), 1, 2)).isEmpty();
    }
}
