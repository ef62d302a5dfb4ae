package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.app.library.RecentFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class RecentFilesTest {

    private final Preferences node = Preferences.userRoot().node("dev/cascadeviz/app-test-recent");

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    @Test
    void listsTheNewestFirstWithoutDuplicates() {
        RecentFiles recent = new RecentFiles(node);
        recent.add(Path.of("/tmp/a.yaml"));
        recent.add(Path.of("/tmp/b.yaml"));
        recent.add(Path.of("/tmp/a.yaml"));
        assertEquals(List.of(Path.of("/tmp/a.yaml"), Path.of("/tmp/b.yaml")), recent.list());
    }

    @Test
    void keepsOnlyTheLastEight() {
        RecentFiles recent = new RecentFiles(node);
        for (int i = 0; i < 10; i++) {
            recent.add(Path.of("/tmp/f" + i + ".yaml"));
        }
        assertEquals(8, recent.list().size());
        assertEquals(Path.of("/tmp/f9.yaml"), recent.list().get(0));
    }

    @Test
    void theListReachesThePreferencesForTheNextStart() throws Exception {
        RecentFiles recent = new RecentFiles(node);
        recent.add(Path.of("/tmp/a.yaml"));
        recent.add(Path.of("/tmp/b.yaml"));
        // written behind, on the writer thread: the next start reads what it wrote
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new RecentFiles(node).list().equals(recent.list()));
        assertEquals(List.of(Path.of("/tmp/b.yaml"), Path.of("/tmp/a.yaml")), new RecentFiles(node).list());
    }
}
