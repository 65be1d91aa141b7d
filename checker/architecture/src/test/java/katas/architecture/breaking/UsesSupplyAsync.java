package katas.architecture.breaking;

import java.util.concurrent.CompletableFuture;

/** Breaks the no-threads rule: runs the work asynchronously in this JVM. */
public class UsesSupplyAsync {
    public int square(int x) {
        return CompletableFuture.supplyAsync(() -> x * x).join();
    }
}
