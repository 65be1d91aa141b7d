package katas.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a kata's test class: every test gets a preemptive time limit (the test body runs on its own thread and
 * is abandoned when time is up, so a hang costs one test, not the run), a {@link TimeoutExplainer} that says where
 * it hung and why that usually happens, the {@link LeakedProcessGuard}, and the {@link ProcessRecorder} that
 * records, when the checker asks, what the test's processes did. The recorder comes first, so that it starts
 * before the guard looks and stops after the guard has cleaned up.
 *
 * <p>A single test may tighten or widen its limit with its own {@code @Timeout}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith({ProcessRecorder.class, LeakedProcessGuard.class, TimeoutExplainer.class})
public @interface KataTest {
}
