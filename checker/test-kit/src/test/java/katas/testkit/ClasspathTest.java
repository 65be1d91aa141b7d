package katas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import katas.process.Classpath;
import org.junit.jupiter.api.Test;

class ClasspathTest {

    @Test
    void the_classpath_starts_with_where_the_anchor_class_was_loaded_from() {
        String classpath = Classpath.including(ClasspathTest.class);

        assertThat(classpath.split(File.pathSeparator)[0])
                .isEqualTo(Classpath.locationOf(ClasspathTest.class).toString());
    }

    @Test
    void the_classpath_includes_the_kit_even_when_java_class_path_does_not() {
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", "/nowhere/launcher.jar");
        try {
            assertThat(Arrays.asList(Classpath.including(ClasspathTest.class).split(File.pathSeparator)))
                    .contains(Classpath.locationOf(Classpath.class).toString())
                    .doesNotContain("/nowhere/launcher.jar");
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    @Test
    void a_runner_can_name_what_children_get_instead_of_java_class_path() throws Exception {
        Path fixtures = Files.createTempDirectory("fixtures");
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", saved + File.pathSeparator + fixtures);
        System.setProperty(Classpath.FOR_CHILDREN_PROPERTY, fixtures.toString());
        try {
            assertThat(Arrays.asList(Classpath.including(ClasspathTest.class).split(File.pathSeparator)))
                    .containsExactly(Classpath.locationOf(ClasspathTest.class).toString(),
                            Classpath.locationOf(Classpath.class).toString(), fixtures.toString());
        } finally {
            System.clearProperty(Classpath.FOR_CHILDREN_PROPERTY);
            System.setProperty("java.class.path", saved);
            Files.delete(fixtures);
        }
    }

    @Test
    void a_jdk_class_has_no_location_to_add() {
        assertThatThrownBy(() -> Classpath.locationOf(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
