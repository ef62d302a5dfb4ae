package dev.cascadeviz.app.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The most recently opened or saved files, newest first, kept with java.util.prefs. */
public final class RecentFiles {

    static final int MAX = 8;

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = node.get("recent." + i, null);
            if (p != null) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    public void add(Path file) {
        List<Path> files = new ArrayList<>(list());
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                node.put("recent." + i, files.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
        // written to disk off the calling (JavaFX) thread: the flush took a few hundred ms there
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                node.flush();
            } catch (BackingStoreException | IllegalStateException e) {
                // the list is a convenience: losing it is harmless
            }
        });
    }
}
