package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What the audit reads of a Maven pom: its modules, and the dependencies its main code compiles against. */
record MavenPom(List<String> modules, Map<String, String> mainDependencies) {

    static MavenPom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            List<String> modules = new ArrayList<>();
            for (Element modulesElement : children(project, "modules")) {
                children(modulesElement, "module").forEach(m -> modules.add(m.getTextContent().trim()));
            }
            Map<String, String> dependencies = new TreeMap<>();
            for (Element list : children(project, "dependencies")) {
                for (Element dependency : children(list, "dependency")) {
                    String scope = text(dependency, "scope", "compile");
                    if (!scope.equals("test")) {
                        dependencies.put(text(dependency, "artifactId", "?"), scope);
                    }
                }
            }
            return new MavenPom(modules, dependencies);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(file + " is not a well-formed pom: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Direct children only: a profile's or a plugin's lists are not the project's. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static String text(Element parent, String name, String otherwise) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? otherwise : found.get(0).getTextContent().trim();
    }
}
