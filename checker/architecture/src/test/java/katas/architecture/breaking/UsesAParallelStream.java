package katas.architecture.breaking;

import java.util.List;
import java.util.stream.Collectors;

/** Breaks the no-threads rule: squares on the common fork-join pool. */
public class UsesAParallelStream {
    public List<Integer> squares(List<Integer> xs) {
        return xs.parallelStream().map(x -> x * x).collect(Collectors.toList());
    }
}
