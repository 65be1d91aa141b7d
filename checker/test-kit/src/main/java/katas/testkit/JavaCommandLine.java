package katas.testkit;

import java.util.List;
import java.util.Set;

/** Reads a {@code java} command line: which main class it runs, with which arguments. */
final class JavaCommandLine {

    /** The launcher's options that take the next word as their value. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--add-opens", "--add-exports", "--add-modules", "--add-reads", "--patch-module", "--upgrade-module-path",
            "--limit-modules");

    private JavaCommandLine() {
    }

    /**
     * "Printer 3" for {@code java -Dx=y -cp lib katas.printers.Printer 3}: the main class's simple name and its
     * arguments; "-jar app.jar" and "-m module/Main" keep their form.
     */
    static String mainClassAndArguments(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (WITH_VALUE.contains(word)) {
                i++;
            } else if (word.equals("-jar") || word.equals("-m") || word.equals("--module")) {
                return String.join(" ", arguments.subList(i, arguments.size()));
            } else if (!word.startsWith("-") && !word.startsWith("@")) {
                String simple = word.substring(word.lastIndexOf('.') + 1);
                return String.join(" ", List.of(simple, String.join(" ", arguments.subList(i + 1, arguments.size()))))
                        .strip();
            }
        }
        return "java";
    }
}
