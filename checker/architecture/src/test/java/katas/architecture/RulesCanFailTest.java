package katas.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import katas.architecture.breaking.BoundsACallWithJUnit;
import katas.architecture.breaking.CallsNothing;
import katas.architecture.breaking.DependsOnAKata;
import katas.architecture.breaking.UsesAParallelStream;
import katas.architecture.breaking.UsesATestLibrary;
import katas.architecture.breaking.UsesAnExecutor;
import katas.architecture.breaking.UsesSupplyAsync;
import katas.architecture.breaking.UsesTheKitLauncher;
import katas.checker.model.MainCodeAccess;
import org.junit.jupiter.api.Test;

/** Each rule fails on a small class that breaks it: a rule that cannot fail guards nothing. */
class RulesCanFailTest {

    private static JavaClasses only(Class<?> type) {
        return new ClassFileImporter().importClasses(type);
    }

    @Test
    void the_thread_rule_rejects_an_executor() {
        assertThatThrownBy(() -> Rules.NO_THREADS_AS_A_STAND_IN_FOR_PROCESSES.check(only(UsesAnExecutor.class)))
                .hasMessageContaining("ExecutorService");
    }

    @Test
    void the_thread_rule_rejects_a_parallel_stream() {
        assertThatThrownBy(() -> Rules.NO_THREADS_AS_A_STAND_IN_FOR_PROCESSES.check(only(UsesAParallelStream.class)))
                .hasMessageContaining("parallelStream");
    }

    @Test
    void the_thread_rule_rejects_supply_async() {
        assertThatThrownBy(() -> Rules.NO_THREADS_AS_A_STAND_IN_FOR_PROCESSES.check(only(UsesSupplyAsync.class)))
                .hasMessageContaining("supplyAsync");
    }

    @Test
    void the_thread_rule_accepts_a_class_without_thread_pools() {
        assertThatCode(() -> Rules.NO_THREADS_AS_A_STAND_IN_FOR_PROCESSES.check(only(CallsNothing.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void the_bounded_call_rule_rejects_junits_own_time_limit() {
        assertThatThrownBy(() -> Rules.KATA_TESTS_BOUND_THEIR_CALLS_WITH_THE_KIT.check(only(BoundsACallWithJUnit.class)))
                .hasMessageContaining("assertTimeoutPreemptively");
    }

    @Test
    void the_bounded_call_rule_accepts_a_class_that_calls_nothing() {
        assertThatCode(() -> Rules.KATA_TESTS_BOUND_THEIR_CALLS_WITH_THE_KIT.check(only(CallsNothing.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void the_process_rule_rejects_code_that_calls_nothing() {
        assertThatThrownBy(() -> Rules.STARTS_A_PROCESS.check(only(CallsNothing.class)))
                .hasMessageContaining("never starts a process");
    }

    @Test
    void the_process_rule_accepts_code_that_starts_a_process() {
        assertThatCode(() -> Rules.STARTS_A_PROCESS.check(only(UsesTheKitLauncher.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void main_code_that_may_use_the_jdk_only_may_not_use_the_process_library() {
        assertThatThrownBy(() -> Rules.mainCodeMayUse(MainCodeAccess.JDK).check(only(UsesTheKitLauncher.class)))
                .hasMessageContaining("katas.process.JavaProcess");
    }

    @Test
    void main_code_that_may_use_the_process_library_may_use_it() {
        assertThatCode(() -> Rules.mainCodeMayUse(MainCodeAccess.PROCESS_LIBRARY)
                .check(only(UsesTheKitLauncher.class))).doesNotThrowAnyException();
    }

    @Test
    void main_code_may_never_use_a_test_library() {
        assertThatThrownBy(() -> Rules.mainCodeMayUse(MainCodeAccess.PROCESS_LIBRARY)
                .check(only(UsesATestLibrary.class))).hasMessageContaining("org.assertj");
    }

    @Test
    void the_harness_rule_rejects_a_dependency_on_a_kata() {
        assertThatThrownBy(() -> Rules.THE_HARNESS_DOES_NOT_DEPEND_ON_KATAS.check(only(DependsOnAKata.class)))
                .hasMessageContaining("CallsNothing");
    }
}
