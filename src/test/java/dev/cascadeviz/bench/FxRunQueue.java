package dev.cascadeviz.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How long the JavaFX thread has waited, runnable, for a core (Linux's schedstat run delay): the
 * part of a stall that is neither the window's work nor the collector's pause but the machine's
 * other load (other programs, and this JVM's own compiler and collector threads running
 * concurrently). -1 where /proc does not tell.
 */
final class FxRunQueue {

    private static volatile Path schedstat;

    private FxRunQueue() {
    }

    /** Finds the JavaFX thread's task (its name as Linux keeps it, cut to 15 characters). */
    static void find() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            schedstat = tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim().equals("JavaFX Applicat");
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }).map(t -> t.resolve("schedstat")).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            schedstat = null;
        }
    }

    /** Nanoseconds the JavaFX thread has waited on a run queue so far, or -1. */
    static long waitedNanos() {
        Path p = schedstat;
        if (p == null) {
            return -1;
        }
        try {
            String[] f = Files.readString(p).trim().split(" ");
            return Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
