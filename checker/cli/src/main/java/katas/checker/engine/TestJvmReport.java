package katas.checker.engine;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import katas.testjvm.ResultRecords;
import katas.testjvm.TestResult;

/**
 * What one test JVM has reported so far, from the {@link ResultRecords} signed with its key: the tests it has,
 * the tests it started, their results, and whether it reached the end. Only the first result of a test counts.
 */
final class TestJvmReport {

    private final ResultRecords records;
    private final Set<String> plan = new LinkedHashSet<>();
    private final Set<String> started = new LinkedHashSet<>();
    private final Map<String, TestResult> results = new LinkedHashMap<>();
    private final Map<String, TestResult> classFailures = new LinkedHashMap<>();
    private boolean planned;
    private boolean ended;

    TestJvmReport(ResultRecords records) {
        this.records = records;
    }

    /** Takes a line of the JVM's standard output if it is a record; false for any other line. */
    synchronized boolean take(String line) {
        Optional<ResultRecords.Record> record = records.parse(line);
        if (record.isEmpty() || ended) {
            return record.isPresent(); // after the end, nothing counts
        }
        ResultRecords.Record r = record.get();
        switch (r.kind()) {
            case PLAN:
                if (!planned) {
                    plan.addAll(r.keys());
                    planned = true;
                }
                break;
            case START:
                started.addAll(r.keys());
                break;
            case RESULT:
                takeResult(r);
                break;
            default:
                ended = true;
                break;
        }
        return true;
    }

    private void takeResult(ResultRecords.Record record) {
        try {
            TestResult result = record.result();
            if (plan.contains(result.key())) {
                results.putIfAbsent(result.key(), result);
            } else {
                classFailures.putIfAbsent(result.testClass(), result); // a class that failed as a whole
            }
        } catch (IOException damaged) {
            // a damaged record is no result: the test counts as not reported
        }
    }

    synchronized boolean planned() {
        return planned;
    }

    synchronized Set<String> plan() {
        return Set.copyOf(plan);
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized Optional<TestResult> result(String key) {
        return Optional.ofNullable(results.get(key));
    }

    /** Started here and never finished: the tests that were running when the JVM ended or was stopped. */
    synchronized List<String> unfinished() {
        return started.stream().filter(key -> !results.containsKey(key)).toList();
    }

    synchronized boolean started(String key) {
        return started.contains(key);
    }

    /** Why a whole test class failed here (its static initializer threw, say), if it did. */
    synchronized Optional<TestResult> classFailure(String testClass) {
        return Optional.ofNullable(classFailures.get(testClass));
    }
}
