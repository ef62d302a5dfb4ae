package dev.cascadeviz.app.library;

import dev.cascadeviz.threads.BackgroundThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The most recently opened or saved files, newest first, kept with java.util.prefs. The list is
 * read once and held here; changes reach the preferences on a writer thread of their own, in
 * order: the preferences node is locked while it flushes to disk, and the window's thread asked
 * it for the list on every open.
 */
public final class RecentFiles {

    static final int MAX = 8;

    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(BackgroundThreads.named("cascadeviz-recent-files"));

    private final Preferences node;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Preferences node) {
        this.node = node;
        for (int i = 0; i < MAX; i++) {
            String p = node.get("recent." + i, null);
            if (p != null) {
                files.add(Path.of(p));
            }
        }
    }

    public synchronized List<Path> list() {
        return List.copyOf(files);
    }

    public synchronized void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        List<Path> snapshot = List.copyOf(files);
        WRITER.execute(() -> write(snapshot));
    }

    private void write(List<Path> snapshot) {
        try {
            for (int i = 0; i < MAX; i++) {
                if (i < snapshot.size()) {
                    node.put("recent." + i, snapshot.get(i).toString());
                } else {
                    node.remove("recent." + i);
                }
            }
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // the list is a convenience: losing it is harmless (IllegalStateException: the node was removed)
        }
    }
}
