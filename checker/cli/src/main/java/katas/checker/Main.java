package katas.checker;

import katas.checker.cli.KataCommand;
import picocli.CommandLine;

/** The entry point behind {@code ./kata}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(KataCommand.commandLine().execute(args));
    }
}
