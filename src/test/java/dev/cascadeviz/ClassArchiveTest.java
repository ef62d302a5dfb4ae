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
import java.util.List;
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

    @Test
    void theFirstTraceWritesTheArchiveAtExitAndLaterRunsMapIt() throws IOException {
        Path cache = dir.resolve("cache");
        String[] trace = {"trace", "a.yaml"};
        ClassArchive.Plan first = ClassArchive.plan(cache, jar(), trace, JVM);
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + first.writing(), "-Xlog:cds*=off"), first.jvmOptions());
        assertTrue(Files.isDirectory(cache));
        assertNotEquals(first.archive(), first.writing());

        Files.writeString(first.writing(), "archive"); // what the child JVM writes when it exits
        ClassArchive.finish(first);
        assertTrue(Files.isRegularFile(first.archive()));
        assertFalse(Files.exists(first.writing()));

        ClassArchive.Plan second = ClassArchive.plan(cache, jar(), new String[] {"validate", "a.yaml"}, JVM);
        assertEquals(List.of("-XX:SharedArchiveFile=" + first.archive(), "-Xlog:cds*=off"), second.jvmOptions());
        assertNull(second.writing());
    }

    @Test
    void aChildThatWroteNothingLeavesNoArchive() throws IOException {
        Path cache = dir.resolve("cache");
        ClassArchive.Plan plan = ClassArchive.plan(cache, jar(), new String[] {"trace", "a.yaml"}, JVM);
        Files.writeString(plan.writing(), ""); // an empty file: the dump failed
        ClassArchive.finish(plan);
        assertFalse(Files.exists(plan.archive()));
        assertFalse(Files.exists(plan.writing()));
        assertTrue(ClassArchive.plan(cache, jar(), new String[] {"trace", "a.yaml"}, JVM).jvmOptions().get(0)
                .startsWith("-XX:ArchiveClassesAtExit="), "the next trace run tries again");
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
        Files.writeString(old.writing(), "archive");
        ClassArchive.finish(old);

        assertNotEquals(ClassArchive.name(jar, JVM), ClassArchive.name(jar, JVM.replace("17.0.15", "17.0.16")));
        Files.setLastModifiedTime(jar.toPath(), FileTime.fromMillis(jar.lastModified() + 60_000));
        ClassArchive.Plan rebuilt = ClassArchive.plan(cache, jar, trace, JVM);
        assertNotEquals(old.archive(), rebuilt.archive());
        assertTrue(rebuilt.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
        Files.writeString(rebuilt.writing(), "archive");
        ClassArchive.finish(rebuilt);
        assertTrue(Files.exists(rebuilt.archive()));
        assertFalse(Files.exists(old.archive()), "the old build's archive is removed");
    }

    @Test
    void theChildGetsTheArchiveOptionsAfterTheCliOptions() {
        List<String> command = Launcher.childCommand("/jdk", new File("app.jar"), new String[] {"trace", "a.yaml"},
                List.of(), List.of("-XX:SharedArchiveFile=/c/x.jsa", "-Xlog:cds*=off"));
        int cli = Launcher.CLI_JVM_OPTIONS.size();
        assertEquals(List.of("-XX:SharedArchiveFile=/c/x.jsa", "-Xlog:cds*=off"), command.subList(1 + cli, 3 + cli));
    }
}
