package katas.checker.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File operations for the checker's own bookkeeping (compile stamps, archive markers), where a failure only costs
 * speed: the next check compiles again, or tries again. They never throw.
 */
final class QuietFiles {

    private QuietFiles() {
    }

    /** The file's text; empty if it is missing or unreadable. */
    static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            // not written: the next check does the work again
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // it only takes up space, or is overwritten later
        }
    }

    /** Deletes a folder and everything in it, as far as it can. */
    static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // a temporary folder left behind only takes up space
        }
    }
}
