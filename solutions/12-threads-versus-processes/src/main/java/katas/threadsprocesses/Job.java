package katas.threadsprocesses;

import java.lang.reflect.InvocationTargetException;

/**
 * A piece of work that can run on a thread of this JVM ({@link ThreadRunner}) or in a child JVM
 * ({@link ProcessRunner}): the same class, either way. Given.
 *
 * <p>A child JVM shares nothing with its parent, not even objects: it gets the job's class <em>name</em> as a
 * command-line argument and creates its own instance. So a job class must be public, with a public constructor
 * that takes no arguments, and everything it needs comes in as text ({@code args}); what it answers goes back as
 * text too.
 */
public interface Job {

    /** Does the work and answers with one line of text. */
    String run(String... args) throws Exception;

    /** A new instance of the job class with this name, made through its public no-argument constructor. */
    static Job create(String className) {
        try {
            return create(Class.forName(className).asSubclass(Job.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException(className + " is not a job class on this JVM's classpath", e);
        }
    }

    /** A new instance of {@code jobClass}, made through its public no-argument constructor. */
    static Job create(Class<? extends Job> jobClass) {
        try {
            return jobClass.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException(jobClass.getName() + " needs a public constructor without arguments, "
                    + "so that any JVM can create it by name", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + jobClass.getName() + " failed", e.getCause());
        }
    }
}
