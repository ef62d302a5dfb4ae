package dev.cascadeviz.db;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs database work on a thread with a large stack. SQLite follows an ON DELETE CASCADE chain
 * by recursion in native code, up to its own limit of 1,000 levels ("too many levels of trigger
 * recursion" beyond): a 1,000-table chain needs several MB of stack, and a Java thread's default
 * (1 MB) ends the JVM with a segmentation fault instead. H2 also follows rules recursively.
 * The caller waits; interrupting the caller interrupts the worker (a cancelled run).
 */
public final class DeepStack {

    /** Enough for SQLite's deepest trigger recursion (1,000 levels need about 8 MB) with room to spare. */
    static final long STACK_BYTES = 64L * 1024 * 1024;

    private DeepStack() {
    }

    /** The work's result; its unchecked exception or error is rethrown in the caller's thread. */
    public static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, Thread.currentThread().getName() + "-deep", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                worker.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return result.get();
    }
}
