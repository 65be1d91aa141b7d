package katas.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Arrays;
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
    void a_jdk_class_has_no_location_to_add() {
        assertThatThrownBy(() -> Classpath.locationOf(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
