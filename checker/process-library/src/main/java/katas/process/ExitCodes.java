package katas.process;

/** What an exit code usually means, for failure messages. */
public final class ExitCodes {

    private ExitCodes() {
    }

    /** A short explanation to append after an exit code, or an empty string when there is none to give. */
    public static String explain(int exitCode) {
        if (exitCode == 0) {
            return " (success)";
        }
        if (exitCode == 1) {
            return " (the JVM's code for an uncaught exception or a main class it could not load)";
        }
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            String name = signal == 9 ? "SIGKILL" : signal == 15 ? "SIGTERM" : signal == 2 ? "SIGINT" : "signal";
            return " (128 + " + signal + ": ended by " + name + ")";
        }
        return "";
    }
}
