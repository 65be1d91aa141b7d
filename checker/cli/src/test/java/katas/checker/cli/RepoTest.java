package katas.checker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoTest {

    @Test
    void kata_test_jvms_sets_how_many_jvms_share_a_katas_tests() {
        assertThat(Repo.testJvms("1")).isEqualTo(1);
        assertThat(Repo.testJvms("3")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "17", "two", "1.5"})
    void a_kata_test_jvms_that_is_not_a_sensible_count_is_a_clear_error(String value) {
        assertThatThrownBy(() -> Repo.testJvms(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KATA_TEST_JVMS is '" + value + "'")
                .hasMessageContaining("from 1 to 16");
    }
}
