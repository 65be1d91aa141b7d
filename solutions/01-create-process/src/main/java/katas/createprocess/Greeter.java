package katas.createprocess;

/** The program the kata runs in a child process. Given: you do not need to change it. */
public final class Greeter {

    private Greeter() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "world";
        System.out.println("Hello, " + name + "!");
    }
}
