package katas.poolmap;

import java.util.Iterator;

/**
 * The results of {@link ProcessPool#imap}, handed out in the order of the items as they arrive. Given: you do not
 * need to change it. Close it to stop early: the pool must then be ready for the next map.
 *
 * @param <R> the type of a result
 */
public interface ResultIterator<R> extends Iterator<R>, AutoCloseable {

    /** Stops handing out results; the chunks still being computed are collected and dropped. Harmless twice. */
    @Override
    void close();
}
