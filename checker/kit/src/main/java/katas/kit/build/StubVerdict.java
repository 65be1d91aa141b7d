package katas.kit.build;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The build's proof that a kata's tests fail against its stub: reads the Surefire reports of the kata module and
 * fails, naming them, if any test passed or if no test ran at all. A test that passes on the stub asserts nothing
 * the learner has to write.
 *
 * <p>Run by the kata modules' build (exec-maven-plugin) after their tests, with the reports directory as argument.
 */
public final class StubVerdict {

    private StubVerdict() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StubVerdict <surefire-reports directory>");
        }
        Path reports = Path.of(args[0]);
        List<String> passed = new ArrayList<>();
        int total = 0;
        if (Files.isDirectory(reports)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(reports, "TEST-*.xml")) {
                for (Path file : files) {
                    for (Element testcase : testcases(file)) {
                        total++;
                        if (isPass(testcase)) {
                            passed.add(testcase.getAttribute("classname") + "." + testcase.getAttribute("name"));
                        }
                    }
                }
            }
        }
        if (total == 0) {
            throw new IllegalStateException("No test of this kata ran against its stub (no reports in " + reports
                    + "): the stub must be shown to fail its tests.");
        }
        if (!passed.isEmpty()) {
            throw new IllegalStateException(passed.size() + " of " + total + " tests pass against the untouched stub, "
                    + "so they check nothing the learner writes:\n  " + String.join("\n  ", passed));
        }
        System.out.println("[stub verdict] all " + total + " tests fail against the stub, as they must.");
    }

    private static boolean isPass(Element testcase) {
        for (String outcome : List.of("failure", "error", "skipped")) {
            if (testcase.getElementsByTagName(outcome).getLength() > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Element> testcases(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
            List<Element> result = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                result.add((Element) nodes.item(i));
            }
            return result;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("malformed Surefire report " + file + ": " + e.getMessage(), e);
        }
    }
}
