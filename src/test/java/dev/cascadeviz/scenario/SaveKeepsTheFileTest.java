package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: Save keeps the file's mode, follows a link, asks before a read-only file, names the user's file. */
class SaveKeepsTheFileTest {

    private static Scenario scenario() throws ScenarioException {
        return ScenarioFiles.parse(Refusals.BASE, "base.yaml");
    }

    private static boolean posix(Path dir) {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    @Test
    void aSavedFileKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(posix(dir));
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "title: old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ScenarioFiles.save(scenario(), file);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        ScenarioFiles.save(scenario(), file);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(scenario(), ScenarioFiles.load(file));
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotATemporaryFilesOwnerOnlyOnes(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(posix(dir));
        Path plain = dir.resolve("plain");
        Files.createFile(plain);
        Path file = dir.resolve("new.yaml");
        ScenarioFiles.save(scenario(), file);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    }

    @Test
    void savingThroughASymbolicLinkWritesTheLinksTargetAndKeepsTheLink(@TempDir Path dir) throws Exception {
        Path realDir = Files.createDirectory(dir.resolve("real"));
        Path target = realDir.resolve("target.yaml");
        Files.writeString(target, "title: old\n");
        Path link = dir.resolve("link.yaml");
        Files.createSymbolicLink(link, Path.of("real", "target.yaml"));
        ScenarioFiles.save(scenario(), link);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(scenario(), ScenarioFiles.load(target));
        try (Stream<Path> left = Files.list(realDir)) {
            assertEquals(List.of(target), left.toList(), "no temporary file left beside the target");
        }
    }

    @Test
    void aReadOnlyFileIsNotReplacedUntilTheCallerSaysSo(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(posix(dir));
        Path file = dir.resolve("ro.yaml");
        Files.writeString(file, "title: old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        AtomicFiles.ReadOnlyFileException e = assertThrows(AtomicFiles.ReadOnlyFileException.class,
                () -> ScenarioFiles.save(scenario(), file));
        assertEquals(file, e.file());
        assertEquals("title: old\n", Files.readString(file));
        ScenarioFiles.save(scenario(), file, true);
        assertEquals(scenario(), ScenarioFiles.load(file));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFailedSaveNamesTheUsersFileAndNeverTheTemporaryOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("missing-dir").resolve("s.yaml");
        IOException e = assertThrows(IOException.class, () -> ScenarioFiles.save(scenario(), file));
        assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }

    @Test
    void aDirectoryIsNotReplaced(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub.yaml"));
        IOException e = assertThrows(IOException.class, () -> ScenarioFiles.save(scenario(), sub));
        assertTrue(Files.isDirectory(sub));
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }

    @Test
    void aSavedFileKeepsItsOwnerWhereTheSaverMaySetIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(posix(dir));
        Path file = dir.resolve("owned.yaml");
        Files.writeString(file, "title: old\n");
        var lookup = file.getFileSystem().getUserPrincipalLookupService();
        try {
            Files.setOwner(file, lookup.lookupPrincipalByName("nobody"));
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give a file to 'nobody' here (not root): " + e);
        }
        var owner = Files.getOwner(file);
        ScenarioFiles.save(scenario(), file);
        assertEquals(owner, Files.getOwner(file));
    }
}
