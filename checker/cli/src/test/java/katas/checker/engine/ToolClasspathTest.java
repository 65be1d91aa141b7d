package katas.checker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import katas.process.Classpath;
import katas.testjvm.KataTestRunner;
import katas.testkit.KataTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine;

class ToolClasspathTest {

    private static String locationOf(Class<?> type) {
        return Classpath.locationOf(type).toString();
    }

    private static List<String> entries(String classpath) {
        return Arrays.asList(classpath.split(File.pathSeparator));
    }

    @Test
    void the_test_jvm_gets_the_runner_and_the_test_libraries_but_not_the_checkers_own_libraries() {
        List<String> tools = entries(ToolClasspath.get());

        assertThat(tools)
                .contains(locationOf(KataTestRunner.class), locationOf(LauncherFactory.class),
                        locationOf(KataTest.class), locationOf(Assertions.class))
                .doesNotContain(locationOf(ObjectMapper.class), locationOf(CommandLine.class));
    }

    @Test
    void the_tests_child_jvms_get_the_kit_and_the_test_libraries_but_not_the_runner() {
        List<String> forChildren = entries(ToolClasspath.forChildren());

        assertThat(forChildren)
                .contains(locationOf(KataTest.class), locationOf(Assertions.class))
                .doesNotContain(locationOf(LauncherFactory.class), locationOf(ObjectMapper.class),
                        locationOf(CommandLine.class));
    }
}
