package dev.cascadeviz;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A class-data sharing archive (AppCDS) for the command-line JVM: the classes of the jar and the
 * JDK that a {@code trace} loads, already parsed and verified, mapped in at start instead of
 * being read from the jar one by one (about 0.2 s of CPU on the benchmark). JDK 17 has no
 * {@code -XX:+AutoCreateSharedArchive} (that came in JDK 19), so the launcher does the same by
 * hand: the first {@code trace} run from a jar writes the archive when it exits
 * ({@code -XX:ArchiveClassesAtExit}), later runs map it ({@code -XX:SharedArchiveFile}).
 *
 * <p>The archive lives in the user's cache folder ({@code $XDG_CACHE_HOME/cascadeviz} or
 * {@code ~/.cache/cascadeviz}; {@code -Dcascadeviz.cds.dir=DIR} puts it elsewhere,
 * {@code -Dcascadeviz.cds=false} turns it off), named for the jar (path, size, time) and the JVM,
 * so a rebuilt jar or another JDK gets its own; the JVM checks the jar itself as well and
 * silently runs without an archive that does not fit. The JVM's CDS messages are turned off in
 * the child, as they would go to stdout, where the trace is.
 */
final class ClassArchive {

    /** What the child JVM gets, and the archive file being written by this run (or null). */
    record Plan(List<String> jvmOptions, Path writing, Path archive) {
        static final Plan NONE = new Plan(List.of(), null, null);
    }

    private static final String PREFIX = "cascadeviz-";
    private static final String QUIET = "-Xlog:cds*=off";
    /** The archive takes about 7 MB; none is written on a disk with less free than this. */
    private static final long MIN_FREE_BYTES = 256L * 1024 * 1024;

    private ClassArchive() {
    }

    /** The plan for a command-line run from this jar; {@link Plan#NONE} when there is no cache folder. */
    static Plan plan(File jar, String[] args) {
        if ("false".equals(System.getProperty("cascadeviz.cds"))) {
            return Plan.NONE;
        }
        Path dir = cacheDir();
        return dir == null ? Plan.NONE : plan(dir, jar, args, System.getProperty("java.home") + "|"
                + System.getProperty("java.vm.version") + "|" + Launcher.CLI_JVM_OPTIONS);
    }

    /**
     * The plan with the archive in dir: map it when it is there; else, on a {@code trace} run,
     * write it at exit into a file of this run's own (renamed by {@link #finish}).
     */
    static Plan plan(Path dir, File jar, String[] args, String jvm) {
        Path archive = dir.resolve(name(jar, jvm));
        if (Files.isRegularFile(archive)) {
            return new Plan(List.of("-XX:SharedArchiveFile=" + archive, QUIET), null, archive);
        }
        if (!createsArchive(args)) {
            return Plan.NONE;
        }
        // A JVM that cannot write its archive ends with exit code 1 and a message, after a trace that
        // went well: so the file is created here first, and only with room to spare for it.
        Path writing = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(dir);
            if (dir.toFile().getUsableSpace() < MIN_FREE_BYTES) {
                return Plan.NONE;
            }
            Files.deleteIfExists(writing);
            Files.createFile(writing);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Plan.NONE;
        }
        return new Plan(List.of("-XX:ArchiveClassesAtExit=" + writing, QUIET), writing, archive);
    }

    /** A trace run (not its help or version) loads the classes worth archiving. */
    static boolean createsArchive(String[] args) {
        if (args.length < 2 || !args[0].equals("trace")) {
            return false;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    /**
     * After the child: the archive it wrote takes its place (a whole file, moved in one step, so
     * that a run starting meanwhile never maps half of one), and the archives of earlier builds of
     * the same jar path are removed. Nothing here may fail the run.
     */
    static void finish(Plan plan) {
        if (plan.writing() == null) {
            return;
        }
        try {
            if (Files.isRegularFile(plan.writing()) && Files.size(plan.writing()) > 0) {
                Files.move(plan.writing(), plan.archive(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                removeOlder(plan.archive());
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time; the next trace run tries again
        } finally {
            try {
                Files.deleteIfExists(plan.writing());
            } catch (IOException | RuntimeException e) {
                // left behind in the cache folder
            }
        }
    }

    /** {@code cascadeviz-PATH-BUILD.jsa}: PATH names the jar's path, BUILD its size, time and the JVM. */
    static String name(File jar, String jvm) {
        String path = jar.getAbsolutePath();
        String build = jar.length() + "|" + jar.lastModified() + "|" + jvm;
        return PREFIX + hex(path) + "-" + hex(path + "|" + build) + ".jsa";
    }

    private static void removeOlder(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        String samePath = name.substring(0, name.lastIndexOf('-') + 1);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), samePath + "*.jsa")) {
            for (Path f : files) {
                if (!f.getFileName().toString().equals(name)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Two 32-bit string hashes (forward and of the reversed text): enough to tell builds apart. */
    private static String hex(String s) {
        long h = ((long) s.hashCode() << 32) | (new StringBuilder(s).reverse().toString().hashCode() & 0xffffffffL);
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static Path cacheDir() {
        try {
            String own = System.getProperty("cascadeviz.cds.dir");
            if (own != null && !own.isEmpty()) {
                return Path.of(own);
            }
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isEmpty() && new File(xdg).isAbsolute()) {
                return Path.of(xdg, "cascadeviz");
            }
            String home = System.getProperty("user.home");
            return home == null || home.isEmpty() || home.equals("?") ? null : Path.of(home, ".cache", "cascadeviz");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
