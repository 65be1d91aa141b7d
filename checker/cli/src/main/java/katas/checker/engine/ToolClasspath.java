package katas.checker.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import katas.checker.runner.KataTestRunner;
import katas.kit.Classpath;
import katas.kit.KataTest;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;

/** What a kata's code and tests compile and run against: the kit, JUnit, AssertJ, Awaitility, and the runner. */
final class ToolClasspath {

    private ToolClasspath() {
    }

    /**
     * Derived from where those classes were loaded from, then {@code java.class.path} (which the {@code ./kata}
     * script sets explicitly), so it holds however the checker itself was started.
     */
    static String get() {
        return Classpath.including(KataTestRunner.class, KataTest.class, Test.class,
                LauncherFactory.class, Assertions.class, Awaitility.class, ObjectMapper.class);
    }
}
