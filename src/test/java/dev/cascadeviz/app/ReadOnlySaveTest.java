package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.fixtures.TestScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Save asks before replacing a read-only file: the model says so and writes nothing until told. */
class ReadOnlySaveTest extends WindowTestBase {

    @TempDir
    Path dir;

    @Test
    void aReadOnlyFileIsReportedAsSuchAndLeftAsItWas() throws Exception {
        show(TestScenarios.artistSongs("all, delete", true));
        Path file = dir.resolve("kept.yaml");
        Files.writeString(file, "old text\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        WorkspaceModel.SaveResult result = interactReturn(() -> model.trySave(file, false));
        assertTrue(result.readOnly(), result.toString());
        assertTrue(result.problem().contains("kept.yaml"), result.problem());
        assertEquals("old text\n", Files.readString(file));
    }

    @Test
    void overwritingAfterTheUserAgreedWritesTheFileAndKeepsItReadOnly() throws Exception {
        show(TestScenarios.artistSongs("all, delete", true));
        Path file = dir.resolve("kept.yaml");
        Files.writeString(file, "old text\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        WorkspaceModel.SaveResult result = interactReturn(() -> model.trySave(file, true));
        assertNull(result.problem());
        assertFalse(result.readOnly());
        assertTrue(Files.readString(file).contains("artist"));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private <T> T interactReturn(Callable<T> c) {
        AtomicReference<T> out = new AtomicReference<>();
        interact(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out.get();
    }
}
