package dev.cascadeviz.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    private int program;

    @BeforeEach
    void onLinuxWithTheCLibrary() {
        assumeTrue(LinuxNice.available(), "threads keep their priority where setpriority cannot be reached");
        program = LinuxNice.ofProcess().orElseThrow();
    }

    @Test
    void aNamedThreadRunsTenNiceStepsBelowTheProgram() throws Exception {
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        BackgroundThreads.named("cascadeviz-test").newThread(() -> nice.complete(currentNice())).start();
        assertEquals(Math.min(LinuxNice.MAX, program + BackgroundThreads.STEPS), nice.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aNamedThreadIsADaemonWithItsName() {
        Thread t = BackgroundThreads.named("cascadeviz-test").newThread(() -> { });
        assertTrue(t.isDaemon());
        assertEquals("cascadeviz-test", t.getName());
    }

    @Test
    void aThreadStartedByALoweredThreadIsAsLowNotLower() throws Exception {
        CompletableFuture<Integer> plain = new CompletableFuture<>();
        CompletableFuture<Integer> named = new CompletableFuture<>();
        BackgroundThreads.named("cascadeviz-outer").newThread(() -> {
            new Thread(() -> plain.complete(currentNice())).start(); // inherits the lowered priority
            BackgroundThreads.named("cascadeviz-inner").newThread(() -> named.complete(currentNice())).start();
        }).start();
        int lowered = Math.min(LinuxNice.MAX, program + BackgroundThreads.STEPS);
        assertEquals(lowered, plain.get(10, TimeUnit.SECONDS));
        assertEquals(lowered, named.get(10, TimeUnit.SECONDS), "ten steps below the program, not twenty");
    }

    @Test
    void theJvmsCompilersAreLoweredAndTheCollectorsPauseWorkersAreNot() throws IOException {
        BackgroundThreads.lowerJvmHelpers();
        Map<String, Integer> niceByName = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                int tid = Integer.parseInt(task.getFileName().toString());
                LinuxNice.of(tid).ifPresent(n -> niceByName.merge(LinuxNice.name(tid), n, Math::min));
            }
        }
        int lowered = Math.min(LinuxNice.MAX, program + BackgroundThreads.STEPS);
        assertEquals(lowered, niceByName.get("C1 CompilerThre"), niceByName.toString());
        assertEquals(program, niceByName.get("VM Thread"), niceByName.toString());
        niceByName.forEach((name, nice) -> {
            if (name.startsWith("GC Thread#")) {
                assertEquals(program, nice, name + " stops the program while it works: it keeps its priority");
            }
        });
    }

    @Test
    void aThreadNameWithBracketsAndSpacesDoesNotConfuseTheNiceReading() throws Exception {
        CompletableFuture<OptionalInt> nice = new CompletableFuture<>();
        BackgroundThreads.named("a) (b c) 1 2").newThread(() -> nice.complete(LinuxNice.currentThreadId().stream()
                .flatMap(tid -> LinuxNice.of(tid).stream()).findFirst())).start();
        assertEquals(OptionalInt.of(Math.min(LinuxNice.MAX, program + BackgroundThreads.STEPS)), nice.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aThreadIsNeverRaisedAboveItsPriority() throws Exception {
        CompletableFuture<Boolean> raisedBack = new CompletableFuture<>();
        BackgroundThreads.named("cascadeviz-test").newThread(() -> {
            int tid = LinuxNice.currentThreadId().orElseThrow();
            boolean asked = LinuxNice.atLeast(tid, program);
            raisedBack.complete(asked && currentNice() < Math.min(LinuxNice.MAX, program + BackgroundThreads.STEPS));
        }).start();
        assertFalse(raisedBack.get(10, TimeUnit.SECONDS));
    }

    private static int currentNice() {
        return LinuxNice.of(LinuxNice.currentThreadId().orElseThrow()).orElseThrow();
    }
}
