package katas.checker.model;

/**
 * One kata's grade.
 *
 * @param kata   the kata
 * @param result how its tests came out
 * @param points the points earned, out of {@code kata.points()}
 */
public record Grade(Kata kata, KataResult result, double points) {
}
