package katas.pit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A test whose invocations JUnit only knows once it runs; the build does not run it. */
class ParameterizedSampleTestMethod {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void each(int x) {
        TwoSampleTestMethods.RUNS.incrementAndGet();
    }
}
