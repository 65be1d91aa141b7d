package katas.architecture.breaking;

/** Breaks the "starts a process" rule by doing nothing: a rule built on callMethod alone would pass it. */
public class CallsNothing {
    public int answer() {
        return 42;
    }
}
