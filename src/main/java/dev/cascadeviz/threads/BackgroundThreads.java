package dev.cascadeviz.threads;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window's background threads give the cores to the JavaFX thread. On two cores the window's
 * rivals are its own workers (reading, running, writing the log and tables) and the JVM's
 * compilers and concurrent collector; at equal priority the JavaFX thread waited 50-100 ms for a
 * core in a single stall while a big file opened (conformance/bench-window-run.sh splits each
 * stall into CPU, collector pauses and that wait). So those threads run ten nice steps lower, as
 * Android runs its background threads: they still have every core the window leaves idle, and a
 * thread they start inherits their priority (the file reader's scanner, the JVM's extra
 * compilers). The collector's pause workers and the VM thread keep theirs: the window waits for
 * them. Linux only ({@link LinuxNice}); elsewhere threads keep their priority.
 */
public final class BackgroundThreads {

    /** How many nice steps below the window: Android's THREAD_PRIORITY_BACKGROUND. */
    static final int STEPS = 10;
    /**
     * The JVM's own threads that work beside the program rather than stopping it, by the name
     * Linux gives them (Java's, cut to 15 characters): compilers, the code sweeper and G1's
     * concurrent marking, refinement and service threads.
     */
    static final List<String> JVM_HELPERS = List.of("C1 CompilerThre", "C2 CompilerThre", "Sweeper thread",
            "G1 Main Marker", "G1 Conc#", "G1 Refine#", "G1 Service");

    private static final AtomicBoolean JVM_HELPERS_LOWERED = new AtomicBoolean();
    /** The program's nice value as it was started, read once: each thread is lowered relative to it. */
    private static final OptionalInt PROGRAM_NICE = LinuxNice.ofProcess();

    private BackgroundThreads() {
    }

    /** Daemon threads named {@code name}, each lowered as it starts. */
    public static ThreadFactory named(String name) {
        return work -> {
            Thread t = new Thread(() -> {
                lowerCurrentThread();
                work.run();
            }, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Lowers the calling thread (and so the threads it starts from now on). */
    private static void lowerCurrentThread() {
        LinuxNice.currentThreadId().ifPresent(BackgroundThreads::lower);
    }

    /**
     * Lowers the JVM's compilers and concurrent collector, once a JVM (off the JavaFX thread: it
     * reads /proc). Those the JVM starts later are started by them, and so lowered too.
     */
    public static void lowerJvmHelpersInBackground() {
        if (JVM_HELPERS_LOWERED.getAndSet(true)) {
            return;
        }
        named("cascadeviz-lower-jvm-helpers").newThread(BackgroundThreads::lowerJvmHelpers).start();
    }

    /** Ten steps below the program as it was started, whoever asks and however often. */
    private static void lower(int tid) {
        PROGRAM_NICE.ifPresent(program -> LinuxNice.atLeast(tid, program + STEPS));
    }

    /** Lowers the JVM's helper threads running now. */
    static void lowerJvmHelpers() {
        if (!LinuxNice.available()) {
            return;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                int tid = Integer.parseInt(task.getFileName().toString());
                String name = LinuxNice.name(tid);
                if (JVM_HELPERS.stream().anyMatch(name::startsWith)) {
                    lower(tid);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to lower
        }
    }
}
