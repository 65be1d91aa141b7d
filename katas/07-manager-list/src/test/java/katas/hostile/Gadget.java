package katas.hostile;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "gadget": a serializable class whose readObject runs code as soon as its bytes are deserialized. Another client
 * of the manager may append one; a proxy that deserializes whatever comes back runs it. It lives outside the
 * package the proxy's allow-list accepts (katas.manager.*), and counts how often it was deserialized here.
 */
public final class Gadget implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many times a Gadget was deserialized in this JVM. */
    public static final AtomicInteger DESERIALIZED = new AtomicInteger();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        DESERIALIZED.incrementAndGet(); // a real gadget would start a process or delete files here
    }
}
