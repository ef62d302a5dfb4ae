package dev.cascadeviz.threads;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A thread's nice value on Linux, where each thread has its own: read from
 * {@code /proc/self/task/TID/stat}, raised with {@code setpriority(2)} through JNA. Java's
 * {@link Thread#setPriority} does nothing on Linux unless the JVM runs as root, and raising one's
 * own nice value needs no privilege. Elsewhere (and where the C library cannot be reached) every
 * call does nothing and says so.
 */
final class LinuxNice {

    /** {@code PRIO_PROCESS}: on Linux, with a thread id, the priority of that one thread. */
    private static final int PRIO_PROCESS = 0;
    /** The largest nice value Linux knows. */
    static final int MAX = 19;

    private interface C extends Library {
        int setpriority(int which, int who, int prio);
    }

    private static final C LIBC = load();

    private LinuxNice() {
    }

    private static C load() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            return Native.load("c", C.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null; // no JNA native part for this machine: threads keep their priority
        }
    }

    static boolean available() {
        return LIBC != null;
    }

    /** The calling thread's id in the kernel ({@code /proc/thread-self} names it), if there is one. */
    static OptionalInt currentThreadId() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "PID/task/TID"
            return OptionalInt.of(Integer.parseInt(self.getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return OptionalInt.empty();
        }
    }

    /** The nice value of one of this process's threads, if it can be read. */
    static OptionalInt of(int tid) {
        return niceIn(Path.of("/proc/self/task/" + tid + "/stat"));
    }

    /** The nice value of the process's first thread, the one the program was started with. */
    static OptionalInt ofProcess() {
        return niceIn(Path.of("/proc/self/stat"));
    }

    private static OptionalInt niceIn(Path stat) {
        try {
            String line = Files.readString(stat);
            // "tid (comm) state ppid ...": the name may hold spaces and brackets, so count from
            // its last ')'; nice is field 19, the 17th after it
            String[] after = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalInt.of(Integer.parseInt(after[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The name Linux gives one of this process's threads (the first 15 characters of Java's). */
    static String name(int tid) {
        try {
            return Files.readString(Path.of("/proc/self/task/" + tid + "/comm")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Gives a thread the nice value {@code target} when its own is lower; never lowers one, which
     * needs privileges. True when the thread's nice value is at least {@code target} afterwards.
     */
    static boolean atLeast(int tid, int target) {
        if (LIBC == null) {
            return false;
        }
        OptionalInt now = of(tid);
        if (now.isEmpty()) {
            return false;
        }
        return now.getAsInt() >= target || LIBC.setpriority(PRIO_PROCESS, tid, Math.min(MAX, target)) == 0;
    }
}
