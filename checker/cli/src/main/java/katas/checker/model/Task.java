package katas.checker.model;

import java.util.List;

/**
 * One numbered task of a kata, as its README gives it: a section {@code ## 3. Title} with {@code ### Hint k}
 * headings inside.
 *
 * @param number its number, from 1
 * @param title  its title, e.g. {@code Copy the output while the child runs}
 * @param hints  its hints, in order, from a nudge to nearly the answer
 */
public record Task(int number, String title, List<String> hints) {

    public Task {
        hints = List.copyOf(hints);
    }

    /** {@code 3. Title}: how the README's heading names it. */
    public String heading() {
        return number + ". " + title;
    }
}
