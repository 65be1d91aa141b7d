package katas.checker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One check at a time in a kata's work folder, across processes: {@code ./kata watch} in one terminal and
 * {@code ./kata check} in another would otherwise compile into the folder the other is running from. The second
 * waits for the first, and says so.
 */
final class CheckLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private CheckLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static CheckLock take(Path work, Consumer<String> notice) throws InterruptedException {
        try {
            Files.createDirectories(work);
            FileChannel channel = FileChannel.open(work.resolve("check.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                notice.accept("Another check of this kata is running (./kata watch in another terminal?): "
                        + "waiting for it to finish ...");
                lock = channel.lock();
            }
            return new CheckLock(channel, lock);
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("interrupted while waiting for another check of the kata");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + work, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case, and so does the end of this process
        }
    }
}
