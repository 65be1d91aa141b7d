package katas.checker.model;

import java.util.Optional;

/**
 * One interview question and its model answer.
 *
 * @param source      where it comes from, e.g. {@code 08-terminate} or {@code general}
 * @param number      its number there, from 1
 * @param question    the question as the README (or the general questions) words it
 * @param modelAnswer the model answer, or empty where this copy of the katas has none (a student's, without
 *                    {@code solutions/})
 */
public record InterviewQuestion(String source, int number, String question, Optional<String> modelAnswer) {
}
