package katas.checker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import katas.checker.model.Kata;
import katas.checker.model.Workload;
import katas.testkit.KataTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KataTest
class PythonPeerTest {

    @Test
    void the_peer_script_does_the_work_of_every_workload_in_the_manifest() throws IOException {
        String script;
        try (InputStream in = PythonPeer.class.getResourceAsStream("/katas/checker/bench/multiprocessing_peer.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> workloads = Catalogue.load(Workspace.root()).all().stream().map(Kata::workloads)
                .flatMap(List::stream).map(Workload::pythonName).toList();

        assertThat(workloads).as("the workloads katas/katas.json gives").isNotEmpty();
        assertThat(workloads).as("the Python peer's functions, one per workload: a workload it does not know would "
                + "leave the Python column empty").allSatisfy(name -> assertThat(script).contains("def " + name + "()"));
    }

    @Test
    void the_peer_measures_a_round_trip_with_pythons_multiprocessing(@TempDir Path work)
            throws InterruptedException {
        Optional<PythonPeer> peer = PythonPeer.find(Optional.empty(), work);
        assumeTrue(peer.isPresent(), "no python3 on the PATH");

        Map<String, Double> figures = peer.get().runOnce(List.of("pipe_roundtrip_us"));

        assertThat(figures).as("the figures the Python peer printed").containsOnlyKeys("pipe_roundtrip_us");
        assertThat(figures.get("pipe_roundtrip_us")).as("microseconds per round trip").isBetween(0.1, 10_000.0);
    }
}
