package katas.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Java serialization for objects that cross a process boundary, with the two guards it always needs there.
 *
 * <ul>
 *   <li>Writing: an object that cannot be serialized fails in the sender, before anything is sent, with an
 *       {@link IllegalArgumentException} that names the offending class. The stream stays usable.</li>
 *   <li>Reading: bytes from another process are data, not trusted code, so they are deserialized through an
 *       {@link ObjectInputFilter} allow-list: JDK value types and collections, plus the packages you name.
 *       Anything else is rejected instead of instantiated.</li>
 * </ul>
 */
public final class SafeSerialization {

    /** Value types and collections any kata may send. Arrays of primitives and of these are allowed too. */
    private static final List<String> JDK_VALUES = List.of(
            "java.lang.*", "java.math.*", "java.util.*", "java.time.*", "java.lang.invoke.SerializedLambda");

    private SafeSerialization() {
    }

    /** An allow-list filter for the JDK's value types plus the given patterns (e.g. {@code "katas.poolmap.*"}). */
    public static ObjectInputFilter allowList(String... extraPatterns) {
        List<String> patterns = new ArrayList<>(JDK_VALUES);
        patterns.addAll(List.of(extraPatterns));
        patterns.add("maxdepth=64");
        patterns.add("!*");
        return ObjectInputFilter.Config.createFilter(String.join(";", patterns));
    }

    /**
     * The serialized form of {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} (or anything it refers to) cannot be serialized
     */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("cannot send a " + value.getClass().getName() + " to another process: "
                    + e.getMessage() + " does not implement java.io.Serializable", e);
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException("cannot send a " + value.getClass().getName()
                    + " to another process: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads one object from {@code bytes} through {@code filter}.
     *
     * @throws IllegalArgumentException if the filter rejects a class in the data, or the data is malformed
     */
    public static Object fromBytes(byte[] bytes, ObjectInputFilter filter) {
        return read(new ByteArrayInputStream(bytes), filter);
    }

    /** Reads one object from {@code in} through {@code filter}; see {@link #fromBytes}. */
    public static Object read(InputStream in, ObjectInputFilter filter) {
        try {
            ObjectInputStream objects = new ObjectInputStream(in);
            objects.setObjectInputFilter(filter);
            return objects.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException("refused to deserialize data from another process: " + e.getMessage()
                    + " (not on the allow-list)", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("data from another process names a class this JVM does not have: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed data from another process", e);
        }
    }
}
