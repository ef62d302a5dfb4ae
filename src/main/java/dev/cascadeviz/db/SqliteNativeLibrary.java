package dev.cascadeviz.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

/**
 * Keeps sqlite-jdbc's native library in the user's cache folder
 * ({@code $XDG_CACHE_HOME/cascadeviz} or {@code ~/.cache/cascadeviz}, one folder per
 * sqlite-jdbc version and platform: os.name, os.arch, musl), as JavaFX keeps its own, and
 * points sqlite-jdbc at it.
 * Otherwise sqlite-jdbc inflates the 1.1 MB library out of the jar into a new temporary file,
 * checksums both and deletes it at exit on every start: about 140 ms of a command-line run.
 * Anything unexpected leaves sqlite-jdbc to do that as before; if the cached copy cannot be
 * loaded, sqlite-jdbc falls back to extracting its own.
 */
final class SqliteNativeLibrary {

    private static boolean done;

    private SqliteNativeLibrary() {
    }

    /** Before the first SQLite connection: use (and if needed make) the cached copy. */
    static synchronized void useCachedCopy() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.lib.name") != null) {
            return; // the user chose a library
        }
        try {
            Path dir = cached();
            if (dir != null) {
                System.setProperty("org.sqlite.lib.path", dir.toString());
                System.setProperty("org.sqlite.lib.name", LibraryLoaderUtil.getNativeLibName());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // leave it to sqlite-jdbc
        }
    }

    /**
     * The folder holding a complete copy of the library in the jar, or null. A copy is only
     * ever moved into place whole, so one that is there is used as it is: finding the
     * library's place in the jar costs sqlite-jdbc a {@code uname} process.
     */
    private static Path cached() throws IOException {
        Path root = cacheRoot();
        if (root == null) {
            return null;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        String version = SQLiteJDBCLoader.getVersion().replaceAll("[^A-Za-z0-9._-]", "_");
        String platform = (System.getProperty("os.name") + "-" + System.getProperty("os.arch")
                + (OSInfo.isMusl() ? "-musl" : "")).replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = root.resolve("sqlite-jdbc-" + version).resolve(platform);
        Path lib = dir.resolve(name);
        if (Files.isRegularFile(lib) && Files.size(lib) > 0) {
            return dir;
        }
        URL url = SQLiteJDBCLoader.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (url == null) {
            return null;
        }
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (size <= 0) {
            return null;
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, name, ".tmp");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(temp) != size) {
                return null;
            }
            try {
                Files.move(temp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, lib, StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "cascadeviz");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "cascadeviz");
    }
}
