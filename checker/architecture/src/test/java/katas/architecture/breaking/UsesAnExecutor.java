package katas.architecture.breaking;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Breaks the no-threads rule: squares on a thread pool. */
public class UsesAnExecutor {
    public int square(int x) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            return pool.submit(() -> x * x).get();
        } finally {
            pool.shutdown();
        }
    }
}
