package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;

import katas.checker.engine.Catalogue;
import katas.checker.engine.Checksums;
import katas.checker.model.Kata;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void the_checked_in_checksums_match_every_katas_tests_and_stub() {
        Catalogue catalogue = Catalogue.load(TempWorkspace.REPO);
        Checksums recorded = Checksums.load(TempWorkspace.REPO);
        Checksums now = Checksums.compute(catalogue.available());

        for (Kata kata : catalogue.available()) {
            assertThat(now.of(kata))
                    .as("the tests and stub of %s against katas/checksums.json. After changing them on purpose, "
                            + "run ./kata checksums --write and commit the file", kata.slug())
                    .isEqualTo(recorded.of(kata));
        }
    }
}
