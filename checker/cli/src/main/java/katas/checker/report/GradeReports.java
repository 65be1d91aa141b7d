package katas.checker.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import katas.checker.model.Grade;
import katas.checker.model.Kata;
import katas.checker.model.KataResult;
import katas.testjvm.Outcome;
import katas.testjvm.TestResult;

/** Grades in the formats that people and instructors' tools read. */
public final class GradeReports {

    /** Exercism caps a message at 65,535 characters. */
    private static final int MAX_MESSAGE = 65_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradeReports() {
    }

    /** A table with points, for the terminal. */
    public static String text(List<Grade> grades) {
        StringBuilder out = new StringBuilder(String.format("%-28s %-37s %s%n", "kata", "result", "points"));
        for (Grade g : grades) {
            out.append(String.format(Locale.ROOT, "%-28s %-37s %4.0f / %d%n", g.kata().slug(),
                    BoardView.state(g.result()), g.points(), g.kata().points()));
        }
        out.append(String.format(Locale.ROOT, "%-28s %-37s %4.0f / %d%n", "total", "", total(grades),
                maxScore(grades)));
        return out.toString();
    }

    /**
     * One kata's {@code results.json} in the Exercism test-runner interface, version 3: the tests in the order of
     * the test files, each with the number of its task as {@code task_id} and its method's source as
     * {@code test_code}, as Exercism's Java runner sends them.
     *
     * @param testCode each test method's source, by {@link TestResult#key()}
     */
    public static String exercism(Grade grade, Map<String, String> testCode) {
        KataResult result = grade.result();
        ObjectNode root = JSON.createObjectNode().put("version", 3);
        boolean ran = result.outcome() == Outcome.PASSED || result.outcome() == Outcome.FAILED;
        root.put("status", !ran ? "error" : result.passed() ? "pass" : "fail");
        if (!ran) {
            root.put("message", cap(BoardView.state(result) + ": " + result.detail()));
        }
        ArrayNode tests = root.putArray("tests");
        for (TestResult test : result.tests()) {
            if (test.outcome() == Outcome.SKIPPED) {
                continue;
            }
            ObjectNode node = tests.addObject().put("name", test.name())
                    .put("test_code", testCode.getOrDefault(test.key(), ""))
                    .put("status", test.passed() ? "pass" : "fail");
            if (!test.passed()) {
                node.put("message", cap(test.message()));
            }
            if (test.task() > 0) {
                node.put("task_id", test.task());
            }
        }
        return write(root);
    }

    /**
     * The GitHub Classroom autograding results, version 1: one runner per kata, by runner name ({@code kata01}, in
     * the katas' order). GitHub Classroom's stock reporter reads each base64-encoded from the environment variable
     * {@code <RUNNER>_RESULTS}.
     *
     * <p>Each runner has one entry per point of its kata, the first ones passed as far as the kata earned them,
     * each passed one scoring 1. The reporter totals a run three ways (in its log, by passed entries of all
     * runners; in its table, by passed entries of each runner times its share of all points; in what it sends to
     * Classroom, by the entries' scores), and with entries worth one point each, all three are the same.
     */
    public static Map<String, String> classroom(List<Grade> grades) {
        Map<String, String> runners = new LinkedHashMap<>();
        for (Grade g : grades) {
            KataResult result = g.result();
            boolean ran = result.outcome() == Outcome.PASSED || result.outcome() == Outcome.FAILED;
            ObjectNode root = JSON.createObjectNode().put("version", 1)
                    .put("status", result.passed() ? "pass" : ran ? "fail" : "error")
                    .put("max_score", g.kata().points());
            ArrayNode points = root.putArray("tests");
            int earned = (int) g.points();
            for (int point = 1; point <= g.kata().points(); point++) {
                ObjectNode entry = points.addObject()
                        .put("name", String.format("%s: point %d of %d", g.kata().slug(), point, g.kata().points()))
                        .put("status", point <= earned ? "pass" : "fail")
                        .put("score", point <= earned ? 1 : 0)
                        .put("filename", "katas/" + g.kata().slug())
                        .put("line_no", 0)
                        .put("duration", point == 1 ? result.millis() : 0);
                if (point == 1) {
                    entry.put("test_code", "./kata check " + g.kata().slug()); // the reporter prints it per entry
                }
                if (point == earned + 1) {
                    entry.put("message", cap(BoardView.state(result)
                            + (result.detail().isEmpty() ? "" : ": " + result.detail()) + failingTests(result)));
                } else if (point > earned + 1) {
                    entry.put("message", "see point " + (earned + 1));
                }
            }
            runners.put(runnerName(g.kata()), write(root));
        }
        return runners;
    }

    /** The name of a kata's runner for the Classroom reporter: {@code kata01}. */
    public static String runnerName(Kata kata) {
        return String.format("kata%02d", kata.number());
    }

    private static String failingTests(KataResult result) {
        List<String> failing = result.tests().stream().filter(t -> t.outcome() == Outcome.FAILED)
                .map(TestResult::name).collect(Collectors.toList());
        return failing.isEmpty() ? "" : "\nfailing: " + String.join("; ", failing);
    }

    /** A Markdown summary for the GitHub job page. */
    public static String markdown(List<Grade> grades) {
        StringBuilder md = new StringBuilder("## Process Katas: ")
                .append(String.format(Locale.ROOT, "%.0f / %d points%n%n", total(grades), maxScore(grades)))
                .append("| kata | result | points |\n|---|---|---|\n");
        for (Grade g : grades) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f / %d |%n", g.kata().slug(),
                    BoardView.state(g.result()), g.points(), g.kata().points()));
        }
        return md.toString();
    }

    /** JUnit XML, as CI test reporters read it: a test suite per kata, a failure per failed test. */
    public static String junit(List<Grade> grades) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "process-katas");
            for (Grade g : grades) {
                writeSuite(xml, g);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text + "\n";
    }

    private static void writeSuite(XMLStreamWriter xml, Grade grade) throws XMLStreamException {
        KataResult result = grade.result();
        boolean ran = result.outcome() == Outcome.PASSED || result.outcome() == Outcome.FAILED;
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", result.slug());
        xml.writeAttribute("tests", String.valueOf(ran ? result.tests().size() : 1));
        xml.writeAttribute("failures", String.valueOf(result.tests().stream()
                .filter(t -> t.outcome() == Outcome.FAILED).count()));
        xml.writeAttribute("errors", ran ? "0" : "1");
        xml.writeAttribute("skipped", String.valueOf(result.tests().stream()
                .filter(t -> t.outcome() == Outcome.SKIPPED).count()));
        xml.writeAttribute("time", seconds(result.millis()));
        if (!ran) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", result.slug());
            xml.writeAttribute("name", BoardView.state(result));
            xml.writeAttribute("time", seconds(result.millis()));
            xml.writeStartElement("error");
            xml.writeAttribute("message", BoardView.state(result));
            xml.writeCharacters(result.detail());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (TestResult test : ran ? result.tests() : List.<TestResult>of()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", result.slug() + "." + test.testClass());
            xml.writeAttribute("name", test.name());
            xml.writeAttribute("time", seconds(test.millis()));
            if (test.outcome() == Outcome.FAILED) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", firstLine(test.message()));
                xml.writeCharacters(test.message());
                xml.writeEndElement();
            } else if (test.outcome() == Outcome.SKIPPED) {
                xml.writeEmptyElement("skipped");
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    public static double total(List<Grade> grades) {
        return grades.stream().mapToDouble(Grade::points).sum();
    }

    public static int maxScore(List<Grade> grades) {
        return grades.stream().mapToInt(g -> g.kata().points()).sum();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String cap(String text) {
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "\n[cut]" : text;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
