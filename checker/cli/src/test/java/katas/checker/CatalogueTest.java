package katas.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import katas.checker.engine.Catalogue;
import katas.checker.engine.UnknownKataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.load(TempWorkspace.REPO);

    @Test
    void the_manifest_lists_the_twelve_katas_in_order() {
        assertThat(catalogue.all()).extracting(k -> k.slug()).as("the katas of katas/katas.json, in order")
                .containsExactly("01-create-process", "02-pool-map", "03-four-printers",
                        "04-queue-producer-consumer", "05-pipe", "06-shared-value-lock", "07-manager-list",
                        "08-terminate", "09-exception-propagation", "10-semaphore-event", "11-logging",
                        "12-threads-versus-processes");
    }

    @Test
    void a_kata_is_called_by_the_number_its_slug_starts_with_wherever_it_stands_in_the_list(@TempDir Path root)
            throws IOException {
        new TempWorkspace(root).manifest("{\"katas\": [{\"slug\": \"01-a\", \"title\": \"A\"},"
                + " {\"slug\": \"12-b\", \"title\": \"B\"}]}");

        assertThat(Catalogue.load(root).find("12").slug())
                .as("the kata ./kata check 12 finds when 12-b is the second kata of the manifest").isEqualTo("12-b");
    }

    @Test
    void a_kata_without_a_test_jvm_count_splits_its_tests_between_two_jvms(@TempDir Path root) throws IOException {
        new TempWorkspace(root).manifest("{\"katas\": [{\"slug\": \"01-a\", \"title\": \"A\"}]}");

        assertThat(Catalogue.load(root).all()).extracting(k -> k.testJvms()).containsExactly(2);
    }

    @Test
    void the_manifest_can_give_a_kata_its_own_test_jvm_count(@TempDir Path root) throws IOException {
        new TempWorkspace(root).manifest("{\"katas\": [{\"slug\": \"01-a\", \"title\": \"A\", \"testJvms\": 1},"
                + " {\"slug\": \"02-b\", \"title\": \"B\", \"testJvms\": 3}]}");

        assertThat(Catalogue.load(root).all()).extracting(k -> k.testJvms()).containsExactly(1, 3);
    }

    @Test
    void the_shipped_katas_points_total_100_so_that_each_katas_share_is_a_whole_percent() {
        // GitHub Classroom's reporter rounds each runner's weight to a whole percent: then its table agrees.
        assertThat(catalogue.all().stream().mapToInt(k -> k.points()).sum()).as("the katas' points in katas.json")
                .isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "2.5", "\"ten\""})
    void points_that_are_not_a_positive_whole_number_are_refused_naming_the_kata(String points,
            @TempDir Path root) throws IOException {
        new TempWorkspace(root).manifest("{\"katas\": [{\"slug\": \"01-a\", \"title\": \"A\", \"points\": "
                + points + "}]}");

        assertThatThrownBy(() -> Catalogue.load(root)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kata 01-a").hasMessageContaining("\"points\" is " + points);
    }

    @Test
    void a_time_limit_of_zero_seconds_is_refused(@TempDir Path root) throws IOException {
        new TempWorkspace(root).manifest("{\"katas\": [{\"slug\": \"01-a\", \"title\": \"A\", "
                + "\"timeLimitSeconds\": 0}]}");

        assertThatThrownBy(() -> Catalogue.load(root)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"timeLimitSeconds\" is 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "01", "create-process", "01-create-process", "katas/01-create-process/"})
    void a_kata_is_found_by_number_name_or_slug(String name) {
        assertThat(catalogue.find(name).slug()).isEqualTo("01-create-process");
    }

    @Test
    void an_unknown_kata_names_every_valid_one() {
        assertThatThrownBy(() -> catalogue.find("13"))
                .isInstanceOf(UnknownKataException.class)
                .hasMessageContaining("There is no kata '13'")
                .hasMessageContaining("09-exception-propagation");
    }
}
