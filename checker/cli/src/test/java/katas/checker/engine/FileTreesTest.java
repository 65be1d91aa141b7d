package katas.checker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void a_folder_is_deleted_with_everything_in_it() throws Exception {
        Path tree = treeIn(dir.resolve("tree"));

        FileTrees.delete(tree);

        assertThat(tree).as("the folder, after it was deleted with its files and subfolders").doesNotExist();
    }

    @Test
    void a_missing_folder_is_already_deleted() throws Exception {
        FileTrees.delete(dir.resolve("never-made"));

        assertThat(dir).as("the folder around the missing one").isEmptyDirectory();
    }

    /** What a checker stopped with Ctrl-C does: its shutdown hook and the interrupted run delete the same folder. */
    @Test
    void two_threads_that_delete_the_same_folder_at_once_both_finish_and_leave_nothing() throws Exception {
        ExecutorService deleters = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Path tree = treeIn(dir.resolve("tree-" + round));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> deletions = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    deletions.add(deleters.submit(() -> {
                        together.await();
                        FileTrees.delete(tree);
                        return null;
                    }));
                }
                for (Future<?> deletion : deletions) {
                    deletion.get(10, TimeUnit.SECONDS); // throws if either deletion gave up
                }
                assertThat(tree).as("the folder that two threads deleted at once (round %d)", round)
                        .doesNotExist();
            }
        } finally {
            deleters.shutdownNow();
        }
    }

    private static Path treeIn(Path root) throws Exception {
        for (int folder = 0; folder < 5; folder++) {
            Path sub = Files.createDirectories(root.resolve("sub-" + folder).resolve("deeper"));
            for (int file = 0; file < 40; file++) {
                Files.writeString(sub.resolve("file-" + file), "x");
                Files.writeString(sub.getParent().resolve("file-" + file), "x");
            }
        }
        return root;
    }
}
