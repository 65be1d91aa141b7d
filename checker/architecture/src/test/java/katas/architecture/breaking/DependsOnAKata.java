package katas.architecture.breaking;

/** Breaks the harness rule when read as harness code: it uses a class of a kata. */
public class DependsOnAKata {
    public int answer() {
        return new CallsNothing().answer();
    }
}
