package katas.testkit;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a hostile process may send: a "gadget", a serializable class whose {@code readObject} runs code as soon as
 * its bytes are deserialized. It lives outside every kata's package, so no kata's allow-list accepts it (and it is
 * no JDK value type). Its {@code readObject} only counts how often it ran in this JVM; a real attack would do
 * something worse at that point, such as start a process or delete files.
 */
public final class Gadget implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many times a Gadget was deserialized in this JVM: proof that its code ran here. */
    public static final AtomicInteger DESERIALIZED = new AtomicInteger();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        DESERIALIZED.incrementAndGet();
    }
}
