package katas.checker.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import katas.checker.model.Kata;
import katas.checker.model.MainCodeAccess;
import katas.checker.model.Workload;

/** The katas, in order, as {@code katas/katas.json} lists them. */
public final class Catalogue {

    /** How long an interview gives for a kata whose manifest entry does not say ({@code "interviewMinutes"}). */
    public static final int DEFAULT_INTERVIEW_MINUTES = 30;
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,3})-");

    private final List<Kata> katas;

    private Catalogue(List<Kata> katas) {
        this.katas = List.copyOf(katas);
    }

    /** Reads the manifest of the repository at {@code root}. */
    public static Catalogue load(Path root) {
        Path manifest = root.resolve("katas/katas.json");
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(Files.readString(manifest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the kata manifest " + manifest + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kata manifest " + manifest, e);
        }
        List<Kata> katas = new ArrayList<>();
        for (JsonNode node : tree.path("katas")) {
            String slug = required(node, "slug", manifest).asText();
            katas.add(new Kata(numberOf(slug, katas.size() + 1), slug, required(node, "title", manifest).asText(),
                    whole(node, "points", 10, 1, 1000, manifest),
                    whole(node, "timeLimitSeconds", 60, 1, 3600, manifest),
                    whole(node, "testJvms", 2, 1, 16, manifest),
                    whole(node, "interviewMinutes", DEFAULT_INTERVIEW_MINUTES, 1, 240, manifest),
                    access(node, manifest),
                    files(node, "learnerFiles", manifest), files(node, "givenFiles", manifest),
                    workloads(node, manifest), root.resolve("katas").resolve(slug), root.resolve("solutions").resolve(slug)));
        }
        if (katas.isEmpty()) {
            throw new IllegalStateException("the kata manifest " + manifest + " lists no katas");
        }
        return new Catalogue(katas);
    }

    /** A whole number from {@code min} to {@code max}, or {@code otherwise} if the field is absent. */
    private static int whole(JsonNode node, String field, int otherwise, int min, int max, Path manifest) {
        JsonNode value = node.get(field);
        if (value == null) {
            return otherwise;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalStateException("kata " + node.path("slug").asText("?") + " in " + manifest + ": \""
                    + field + "\" is " + value + ", but it must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static MainCodeAccess access(JsonNode node, Path manifest) {
        JsonNode value = node.get("mainCodeMayUse");
        if (value == null) {
            return MainCodeAccess.PROCESS_LIBRARY;
        }
        return MainCodeAccess.named(value.asText()).orElseThrow(() -> new IllegalStateException("kata "
                + node.path("slug").asText("?") + " in " + manifest + ": \"mainCodeMayUse\" is " + value
                + ", but it must be one of " + Arrays.stream(MainCodeAccess.values())
                .map(a -> "\"" + a.manifestName() + "\"").collect(Collectors.joining(", "))));
    }

    /** Source files relative to the kata's {@code src/main/java}, e.g. {@code katas/pipe/Pipeline.java}. */
    private static List<String> files(JsonNode node, String field, Path manifest) {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (JsonNode file : value.isArray() ? value : List.<JsonNode>of(value)) {
            String name = file.asText();
            if (!value.isArray() || !file.isTextual() || !name.endsWith(".java") || name.startsWith("/")
                    || name.contains("\\") || Arrays.asList(name.split("/")).contains("..")) {
                throw new IllegalStateException("kata " + node.path("slug").asText("?") + " in " + manifest + ": \""
                        + field + "\" must be a list of Java files relative to src/main/java, such as "
                        + "[\"katas/pipe/Pipeline.java\"], not " + value);
            }
            files.add(name);
        }
        return files;
    }

    /** The kata's benchmark workloads ({@code "benchmarks"}): each needs a name, a title and a unit. */
    private static List<Workload> workloads(JsonNode node, Path manifest) {
        List<Workload> workloads = new ArrayList<>();
        for (JsonNode entry : node.path("benchmarks")) {
            for (String field : List.of("name", "title", "unit")) {
                if (!entry.path(field).isTextual() || entry.path(field).asText().isBlank()) {
                    throw new IllegalStateException("kata " + node.path("slug").asText("?") + " in " + manifest
                            + ": a benchmark needs a \"" + field + "\" (name, title, unit, and optionally "
                            + "slowerBecause and alternativeTo), not " + entry);
                }
            }
            workloads.add(new Workload(entry.get("name").asText(), entry.get("title").asText(),
                    entry.get("unit").asText(), entry.path("slowerBecause").asText(""),
                    entry.path("alternativeTo").asText("")));
        }
        return workloads;
    }

    /** The number a kata is called by: its slug's ({@code 07-manager-list}: 7), whatever its place in the list. */
    private static int numberOf(String slug, int position) {
        Matcher digits = LEADING_NUMBER.matcher(slug);
        return digits.find() ? Integer.parseInt(digits.group(1)) : position;
    }

    private static JsonNode required(JsonNode node, String field, Path manifest) {
        JsonNode value = node.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new IllegalStateException("a kata in " + manifest + " has no \"" + field + "\": " + node);
        }
        return value;
    }

    public List<Kata> all() {
        return katas;
    }

    /** The katas whose folder exists (a kata may be listed before it is written). */
    public List<Kata> available() {
        return katas.stream().filter(k -> Files.isDirectory(k.dir())).collect(Collectors.toList());
    }

    /**
     * Finds a kata by its slug ({@code 01-create-process}), its name ({@code create-process}) or its number
     * ({@code 1} or {@code 01}).
     *
     * @throws UnknownKataException naming every valid kata
     */
    public Kata find(String name) {
        String wanted = name.strip().replaceAll("/+$", "").replaceFirst("^katas/", "");
        for (Kata kata : katas) {
            if (kata.slug().equals(wanted) || kata.shortName().equals(wanted) || isNumber(wanted, kata)) {
                return kata;
            }
        }
        throw new UnknownKataException("There is no kata '" + name + "'. The katas are:\n  "
                + katas.stream().map(Kata::slug).collect(Collectors.joining("\n  "))
                + "\nName one by its number (1 or 01), its name (create-process) or both (01-create-process).");
    }

    private static boolean isNumber(String wanted, Kata kata) {
        return wanted.matches("\\d{1,3}") && Integer.parseInt(wanted) == kata.number();
    }
}
