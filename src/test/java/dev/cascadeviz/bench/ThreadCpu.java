package dev.cascadeviz.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of every thread of this JVM, the collector's and the compilers' included, read
 * from Linux's /proc/self/task (ThreadMXBean sees Java threads only). Grouped by the thread's
 * name with its number dropped ("GC Thread#1" counts as "GC Thread"). Empty where /proc is not.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** CPU milliseconds so far by thread group. */
    static Map<String, Long> now() {
        Map<String, Long> byGroup = new HashMap<>();
        long tick = 10; // ms per clock tick (USER_HZ 100 on Linux)
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[#-]?[0-9]+$", "").trim();
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    byGroup.merge(name, ticks * tick, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return byGroup;
    }

    /** The groups that used at least 20 ms between two readings, most first. */
    static String since(Map<String, Long> before) {
        Map<String, Long> after = now();
        StringBuilder out = new StringBuilder();
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 20).sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(String.format(Locale.ROOT, " %s %d;", e.getKey(), e.getValue())));
        return out.toString();
    }
}
