package katas.architecture.breaking;

import katas.process.JavaProcess;

/** Breaks kata 01's rule: hands the job to the process library's launcher. */
public class UsesTheKitLauncher {
    public Process start(Class<?> main) throws java.io.IOException {
        return JavaProcess.of(main).start();
    }
}
