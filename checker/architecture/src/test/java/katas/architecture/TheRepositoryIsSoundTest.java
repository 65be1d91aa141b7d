package katas.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import katas.checker.engine.Catalogue;
import katas.checker.engine.KataChecker;
import katas.checker.engine.RepositoryAudit;
import katas.checker.model.Kata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build runs the repository audit, the same that {@code ./kata verify} prints: each solution passes its kata's
 * tests and each stub fails every one of them, both through the checker a learner uses; the files, poms, README
 * and checksums are those the manifest gives. A student's copy has no solutions, and nothing here to prove.
 */
class TheRepositoryIsSoundTest {

    private static final Catalogue CATALOGUE = Catalogue.load(Modules.ROOT);
    private static final RepositoryAudit AUDIT = new RepositoryAudit(Modules.ROOT, CATALOGUE,
            new KataChecker(Modules.ROOT));

    @BeforeAll
    static void onlyWhereThereAreSolutions() {
        assumeTrue(Files.isDirectory(Modules.ROOT.resolve("solutions")),
                "a repository without solutions/ (a student's) has no reference to audit");
    }

    @Test
    void the_manifest_the_folders_the_poms_the_readme_and_the_checksums_list_the_same_katas() {
        assertThat(AUDIT.ofTheLists()).as("where the lists of katas disagree").isEmpty();
    }

    /**
     * Two katas are audited at a time: most of a kata's tests wait for children, and one audit kept one of the two
     * cores busy (measured here). Each kata's verdict is still its own test.
     */
    @TestFactory
    Stream<DynamicTest> every_kata_is_sound() {
        ExecutorService auditors = Executors.newFixedThreadPool(2);
        Map<Kata, Future<List<String>>> audits = new LinkedHashMap<>();
        for (Kata kata : CATALOGUE.all()) {
            audits.put(kata, auditors.submit(() -> AUDIT.ofKata(kata)));
        }
        auditors.shutdown();
        return audits.entrySet().stream().map(audit -> DynamicTest.dynamicTest(audit.getKey().slug(),
                () -> assertThat(audit.getValue().get()).as("what the audit found wrong with "
                        + audit.getKey().slug()).isEmpty()));
    }
}
