package katas.architecture.breaking;

import org.assertj.core.api.Assertions;

/** Breaks the main-code rule: code under test that leans on a test library. */
public class UsesATestLibrary {
    public void check(int value) {
        Assertions.assertThat(value).isPositive();
    }
}
