package katas.checker.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The same workloads done with Python's {@code multiprocessing}, by the checker's own peer script. */
public final class PythonPeer implements BenchmarkSide {

    private static final String SCRIPT = "bench/multiprocessing_peer.py";

    private final Path python;
    private final Path script;

    private PythonPeer(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * The peer, if a Python 3 is found: {@code python} if given (the {@code --python} option), else
     * {@code python3} or {@code python} on the PATH. The script is written to {@code work} to be run from there.
     */
    public static Optional<PythonPeer> find(Optional<Path> python, Path work) {
        Optional<Path> interpreter = python.isPresent()
                ? python.filter(Files::isExecutable)
                : onPath("python3").or(() -> onPath("python"));
        if (interpreter.isEmpty()) {
            return Optional.empty();
        }
        Path script = work.resolve("multiprocessing_peer.py");
        try (InputStream in = PythonPeer.class.getResourceAsStream("/katas/checker/" + SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the checker's " + SCRIPT + " is missing from its classes");
            }
            Files.createDirectories(work);
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Python peer to " + script, e);
        }
        return Optional.of(new PythonPeer(interpreter.get(), script));
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        List<String> names = File.separatorChar == '\\' ? List.of(name + ".exe", name) : List.of(name);
        for (String dir : path.split(File.pathSeparator)) {
            for (String candidate : names) {
                Path file = Path.of(dir.isEmpty() ? "." : dir, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "Python";
    }

    @Override
    public Map<String, Double> runOnce(List<String> workloads) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(workloads);
        return BenchmarkSide.figuresOf(command, script.getParent(), workloads, "Python's multiprocessing");
    }
}
