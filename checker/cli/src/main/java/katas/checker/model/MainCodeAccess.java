package katas.checker.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a kata's main code (the learner's and the solution's) may use besides itself, as the manifest says in
 * {@code "mainCodeMayUse"}. The checker compiles that code on exactly this class path, and the kata's Maven
 * modules give it exactly this dependency; the audit proves the two agree. Test libraries are never on it.
 */
public enum MainCodeAccess {
    /** The JDK only: kata 01 teaches writing the launcher that the process library would be. */
    JDK("jdk", "the JDK only"),
    /** The JDK and the process library ({@code katas.process}: JavaProcess, ProcessTree, SafeSerialization ...). */
    PROCESS_LIBRARY("process-library", "the JDK and the process library (package katas.process)");

    private final String name;
    private final String description;

    MainCodeAccess(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** As written in the manifest: {@code jdk} or {@code process-library}. */
    public String manifestName() {
        return name;
    }

    /** For a learner: "the JDK only". */
    public String description() {
        return description;
    }

    public static Optional<MainCodeAccess> named(String name) {
        return Arrays.stream(values()).filter(access -> access.name.equals(name)).findFirst();
    }
}
