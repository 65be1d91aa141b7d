package katas.checker.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.checker.model.TaskProgress;
import katas.testjvm.Outcome;

/** The board: every kata with its state, the learner's progress, and what to do next. */
public final class BoardView {

    private static final int BAR_WIDTH = 20;

    private BoardView() {
    }

    /**
     * @param katas     every kata of the manifest, in order
     * @param results   the result of each kata that could be checked, by slug
     * @param tasks     how far each of those results got through its kata's tasks, by slug
     * @param nextFiles the files to edit for the next kata (relative paths), or empty when all are solved
     */
    public static String render(List<Kata> katas, Map<String, KataResult> results, Map<String, TaskProgress> tasks,
            List<String> nextFiles) {
        long solved = katas.stream().filter(k -> isSolved(results.get(k.slug()))).count();
        StringBuilder out = new StringBuilder();
        out.append("Process Katas for Java: ").append(solved).append(" of ").append(katas.size())
                .append(" katas solved  ").append(bar(solved, katas.size())).append("\n\n");
        for (Kata kata : katas) {
            out.append(String.format("  %s %02d  %-42s %s%n", isSolved(results.get(kata.slug())) ? "*" : " ",
                    kata.number(), kata.title(), state(results.get(kata.slug()), tasks.get(kata.slug()))));
        }
        Optional<Kata> next = katas.stream().filter(k -> results.containsKey(k.slug()))
                .filter(k -> !isSolved(results.get(k.slug()))).findFirst();
        out.append('\n');
        if (next.isEmpty()) {
            out.append("Every kata is solved. Well done! Practise one as an interview, against the clock and with "
                    + "its questions: ./kata interview 01\n");
        } else {
            out.append(nextStep(next.get(), nextFiles, tasks.get(next.get().slug())));
        }
        return out.toString();
    }

    /**
     * What to do next for one kata: its current task, the README, the files to edit, the commands to check it and
     * to get a hint.
     *
     * @param progress how far the learner got through the kata's tasks, or null where that is not known
     */
    public static String nextStep(Kata kata, List<String> files, TaskProgress progress) {
        Optional<TaskProgress.Step> task = progress == null ? Optional.empty() : progress.current();
        StringBuilder out = new StringBuilder("Next: ");
        if (task.isPresent()) {
            out.append("task ").append(task.get().task().number()).append(" of ").append(progress.steps().size())
                    .append(", \"").append(task.get().task().title()).append("\", of kata ").append(kata.slug())
                    .append('\n')
                    .append("  read   katas/").append(kata.slug()).append("/README.md\n")
                    .append("           section \"").append(task.get().task().heading()).append("\"\n");
        } else {
            out.append("kata ").append(kata.slug()).append(" (").append(kata.title()).append(")\n")
                    .append("  read   katas/").append(kata.slug()).append("/README.md\n");
        }
        // The source folder once, then each file in it: whole paths would not fit 80 columns.
        String sources = "katas/" + kata.slug() + "/src/main/java/";
        out.append("  edit   ").append(sources).append('\n');
        for (String file : files) {
            out.append("           ").append(file.startsWith(sources) ? file.substring(sources.length()) : file)
                    .append('\n');
        }
        out.append("  check  ./kata check ").append(String.format("%02d", kata.number())).append('\n');
        out.append("  hint   ./kata hint ").append(String.format("%02d", kata.number())).append('\n');
        return out.toString();
    }

    /** One kata's state in a few words, with the task the learner is at where it is known. */
    public static String state(KataResult result, TaskProgress progress) {
        Optional<String> position = progress == null ? Optional.empty() : progress.position();
        if (result != null && result.outcome() == Outcome.FAILED && position.isPresent()) {
            return position.get() + ", " + result.passedCount() + "/" + result.tests().size() + " tests pass";
        }
        return state(result);
    }

    /** One kata's state in a few words. */
    public static String state(KataResult result) {
        if (result == null) {
            return "not available yet";
        }
        switch (result.outcome()) {
            case PASSED:
                return "solved (" + result.tests().size() + " tests pass)";
            case FAILED:
                return "failing: " + result.passedCount() + " of " + result.tests().size() + " tests pass";
            case COMPILE_ERROR:
                return "does not compile";
            case TIMED_OUT:
                return "timed out";
            case TAMPERED:
                return "tests changed (tampered)";
            default:
                return "crashed";
        }
    }

    private static boolean isSolved(KataResult result) {
        return result != null && result.passed();
    }

    private static String bar(long done, int total) {
        int filled = total == 0 ? 0 : (int) (done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + (total == 0 ? 0 : done * 100 / total) + "%";
    }
}
