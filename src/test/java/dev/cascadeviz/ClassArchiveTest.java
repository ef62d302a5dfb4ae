package dev.cascadeviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    private static final String JVM = "/jdk|17.0.15|[-XX:TieredStopAtLevel=1]";

    @TempDir
    Path dir;

    private File jar() throws IOException {
        Path jar = dir.resolve("app.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
        }
        return jar.toFile();
    }

    /** What the dump writes: an archive of the listed classes. */
    private static final ClassArchive.Dump DUMP = (list, writing) -> Files.writeString(writing, "archive of " + Files.readString(list));

    @Test
    void theFirstTraceListsItsClassesTheArchiveIsDumpedFromThemAndLaterRunsMapIt() throws IOException {
        Path cache = dir.resolve("cache");
        String[] trace = {"trace", "a.yaml"};
        ClassArchive.Plan first = ClassArchive.plan(cache, jar(), trace, JVM);
        assertEquals(List.of("-XX:DumpLoadedClassList=" + first.classList(), "-Xlog:cds*=off"), first.jvmOptions());
        assertTrue(Files.isDirectory(cache));
        assertTrue(Files.isRegularFile(first.classList()), "made before the child, which could not say where the trace goes");
        assertNotEquals(first.archive(), first.writing());

        Files.writeString(first.classList(), "java/lang/Object"); // what the child JVM lists
        ClassArchive.finish(first, DUMP);
        assertEquals("archive of java/lang/Object", Files.readString(first.archive()));
        assertFalse(Files.exists(first.writing()));
        assertFalse(Files.exists(first.classList()));

        ClassArchive.Plan second = ClassArchive.plan(cache, jar(), new String[] {"validate", "a.yaml"}, JVM);
        assertEquals(List.of("-XX:SharedArchiveFile=" + first.archive(), "-Xlog:cds*=off"), second.jvmOptions());
        assertNull(second.writing());
        assertNull(second.classList());
    }

    @Test
    void aChildThatListedNothingOrAFailedDumpLeavesNoArchive() throws IOException {
        Path cache = dir.resolve("cache");
        ClassArchive.Plan plan = ClassArchive.plan(cache, jar(), new String[] {"trace", "a.yaml"}, JVM);
        ClassArchive.finish(plan, DUMP); // the class list is empty: nothing is dumped
        assertFalse(Files.exists(plan.archive()));
        assertFalse(Files.exists(plan.classList()));

        ClassArchive.Plan again = ClassArchive.plan(cache, jar(), new String[] {"trace", "a.yaml"}, JVM);
        assertTrue(again.jvmOptions().get(0).startsWith("-XX:DumpLoadedClassList="), "the next trace run tries again");
        Files.writeString(again.classList(), "java/lang/Object");
        ClassArchive.finish(again, (list, writing) -> {
            throw new IOException("the dump failed");
        });
        assertFalse(Files.exists(again.archive()));
        assertFalse(Files.exists(again.writing()));
        assertFalse(Files.exists(again.classList()));
    }

    @Test
    void noArchiveIsWrittenWhereTheCacheFolderCannotBeWritten() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        // the cache folder would be inside a file: the JVM could not write there, and would end with exit code 1
        assertEquals(ClassArchive.Plan.NONE, ClassArchive.plan(file.resolve("cache"), jar(), new String[] {"trace", "a.yaml"}, JVM));
    }

    @Test
    void onlyATraceRunWritesOne() throws IOException {
        Path cache = dir.resolve("cache");
        for (String[] args : List.of(new String[] {"validate", "a.yaml"}, new String[] {"trace", "--help"},
                new String[] {"trace"}, new String[] {"explain", "a.yaml", "Order(1)"})) {
            assertEquals(ClassArchive.Plan.NONE, ClassArchive.plan(cache, jar(), args, JVM), String.join(" ", args));
        }
        assertFalse(Files.exists(cache));
    }

    @Test
    void aRebuiltJarOrAnotherJvmGetsItsOwnArchiveAndTheOldOneGoes() throws IOException {
        Path cache = dir.resolve("cache");
        File jar = jar();
        String[] trace = {"trace", "a.yaml"};
        ClassArchive.Plan old = ClassArchive.plan(cache, jar, trace, JVM);
        Files.writeString(old.classList(), "java/lang/Object");
        ClassArchive.finish(old, DUMP);

        assertNotEquals(ClassArchive.name(jar, JVM), ClassArchive.name(jar, JVM.replace("17.0.15", "17.0.16")));
        Files.setLastModifiedTime(jar.toPath(), FileTime.fromMillis(jar.lastModified() + 60_000));
        ClassArchive.Plan rebuilt = ClassArchive.plan(cache, jar, trace, JVM);
        assertNotEquals(old.archive(), rebuilt.archive());
        assertTrue(rebuilt.jvmOptions().get(0).startsWith("-XX:DumpLoadedClassList="));
        Files.writeString(rebuilt.classList(), "java/lang/Object");
        ClassArchive.finish(rebuilt, DUMP);
        assertTrue(Files.exists(rebuilt.archive()));
        assertFalse(Files.exists(old.archive()), "the old build's archive is removed");
    }

    @Test
    void writingAnArchiveKeepsOnlyTheArchivesOfTheJarsRunLast() throws IOException {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        long now = System.currentTimeMillis();
        List<Path> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // archives of other jars, the first used longest ago
            Path other = cache.resolve("cascadeviz-" + i + "000000000000000-0000000000000000.jsa");
            Files.writeString(other, "archive " + i);
            Files.setLastModifiedTime(other, FileTime.fromMillis(now - (10 - i) * 86_400_000L));
            others.add(other);
        }
        Path mine = dir.resolve("mine.jar");
        Files.writeString(mine, "another jar");
        Path used = cache.resolve(ClassArchive.name(mine.toFile(), JVM));
        Files.writeString(used, "an archive used now");
        Files.setLastModifiedTime(used, FileTime.fromMillis(now - 30 * 86_400_000L));
        ClassArchive.plan(cache, mine.toFile(), new String[] {"trace", "a.yaml"}, JVM); // maps it: used now
        Path unrelated = cache.resolve("notes.txt");
        Files.writeString(unrelated, "not an archive");

        ClassArchive.Plan plan = ClassArchive.plan(cache, jar(), new String[] {"trace", "a.yaml"}, JVM);
        Files.writeString(plan.classList(), "java/lang/Object");
        ClassArchive.finish(plan, DUMP);

        assertTrue(Files.exists(plan.archive()), "the new one");
        assertTrue(Files.exists(used), "the one mapped last, though written long ago");
        assertTrue(Files.exists(others.get(5)) && Files.exists(others.get(4)), "the two used last before");
        for (int i = 0; i < 4; i++) {
            assertFalse(Files.exists(others.get(i)), "used longer ago: " + others.get(i).getFileName());
        }
        assertTrue(Files.exists(unrelated), "only archives go");
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(ClassArchive.KEPT, files.filter(f -> f.toString().endsWith(".jsa")).count());
        }
    }

    @Test
    void theChildGetsTheArchiveOptionsAfterTheCliOptions() {
        List<String> command = Launcher.childCommand("/jdk", new File("app.jar"), new String[] {"trace", "a.yaml"},
                List.of(), List.of("-XX:SharedArchiveFile=/c/x.jsa", "-Xlog:cds*=off"));
        int cli = Launcher.CLI_JVM_OPTIONS.size();
        assertEquals(List.of("-XX:SharedArchiveFile=/c/x.jsa", "-Xlog:cds*=off"), command.subList(1 + cli, 3 + cli));
    }

    @Test
    void theRealDumpWritesAnArchiveThisJdkMaps() throws Exception {
        Path jar = dir.resolve("empty.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
            // a jar with nothing but its manifest: the archive holds the JDK's listed classes
        }
        Path list = dir.resolve("classes.classlist");
        Files.writeString(list, "java/lang/Object\njava/lang/String\njava/util/ArrayList\n");
        Path writing = dir.resolve("archive.jsa.tmp");
        String javaHome = System.getProperty("java.home");
        ClassArchive.dumpWith(javaHome, jar.toFile()).run(list, writing);
        assertTrue(Files.isRegularFile(writing) && Files.size(writing) > 0, "the dump wrote the archive");

        Process run = new ProcessBuilder(javaHome + "/bin/java", "-Xshare:on", "-XX:SharedArchiveFile=" + writing,
                "-cp", jar.toString(), "-version").redirectErrorStream(true).start();
        String said = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), "a JVM started with -Xshare:on maps it: " + said);
    }
}
