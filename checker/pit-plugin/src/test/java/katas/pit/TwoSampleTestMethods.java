package katas.pit;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests for the finder to list; the build does not run them (Surefire runs classes named *Test, *Tests, Test*). */
class TwoSampleTestMethods {

    /** How many times one of these tests has run. */
    static final AtomicInteger RUNS = new AtomicInteger();

    @Test
    void one() {
        RUNS.incrementAndGet();
    }

    @Test
    @Tag("slow")
    void two() {
        RUNS.incrementAndGet();
    }
}
