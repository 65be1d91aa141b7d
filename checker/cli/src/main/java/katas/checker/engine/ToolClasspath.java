package katas.checker.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import katas.checker.model.MainCodeAccess;
import katas.process.Classpath;
import katas.process.JavaProcess;
import katas.testjvm.KataTestRunner;
import katas.testkit.KataTest;
import org.apiguardian.api.API;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.util.Preconditions;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import picocli.CommandLine;

/**
 * What a kata's code and tests compile and run against: the process library for main code where the manifest allows
 * it; for the tests, the test kit, JUnit, AssertJ, Awaitility; and the test JVM's own code to run them.
 */
final class ToolClasspath {

    private static final Class<?>[] TOOLS = {KataTestRunner.class, KataTest.class, JavaProcess.class, Test.class,
        LauncherFactory.class, Assertions.class, Awaitility.class};

    /**
     * Libraries only the checker itself uses. Left out because every JVM that deserializes scans each jar on its
     * classpath once (the JDK looks for a logging service when it sets up its serialization filter), and so does
     * every child JVM the tests start, which gets the same classpath.
     */
    private static final Class<?>[] CHECKER_ONLY = {ObjectMapper.class, JsonFactory.class, JsonProperty.class,
        CommandLine.class};

    /**
     * The libraries a kata's tests compile against, with what they need to run: all a child JVM of a test may need
     * besides the kata's own classes. Not the runner's machinery (JUnit's launcher and engines) nor AssertJ's
     * byte-buddy (only for soft assertions), whose thousands of entries a child would otherwise read once.
     */
    private static final Class<?>[] FOR_CHILDREN = {KataTest.class, JavaProcess.class, Test.class,
        AssertionFailedError.class, Preconditions.class, API.class, Assertions.class, Awaitility.class, Matcher.class};

    private ToolClasspath() {
    }

    /**
     * What a kata's main code compiles against: nothing but the JDK, or the process library too. Never a test
     * library, so code under test cannot lean on what only its tests have.
     */
    static String forMainCode(MainCodeAccess access) {
        return access == MainCodeAccess.JDK ? "" : Classpath.locationOf(JavaProcess.class).toString();
    }

    /**
     * Where the class-data-sharing archives of the checker's JVMs are kept (the test JVMs' and their children's): next
     * to the test runner's jar, so that a rebuilt checker starts afresh.
     */
    static Path archiveFolder() {
        return Classpath.locationOf(KataTestRunner.class).resolveSibling("cds");
    }

    /** What the test JVM hands on to the child JVMs its tests start (see {@link Classpath#FOR_CHILDREN_PROPERTY}). */
    static String forChildren() {
        return locations(FOR_CHILDREN).stream().sorted().collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Derived from where those classes were loaded from, then {@code java.class.path} (which the {@code ./kata}
     * script sets explicitly), so it holds however the checker itself was started; without the checker's own
     * libraries.
     */
    static String get() {
        Set<String> tools = locations(TOOLS);
        Set<String> checkerOnly = locations(CHECKER_ONLY);
        return Arrays.stream(Classpath.including(TOOLS).split(File.pathSeparator))
                .filter(entry -> tools.contains(entry) || !checkerOnly.contains(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Set<String> locations(Class<?>... classes) {
        return Stream.of(classes).map(type -> Classpath.locationOf(type).toString()).collect(Collectors.toSet());
    }
}
