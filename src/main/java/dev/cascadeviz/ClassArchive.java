package dev.cascadeviz;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data sharing archive (AppCDS) for the command-line JVM: the classes of the jar and the
 * JDK that a {@code trace} loads, already parsed and verified, mapped in at start instead of
 * being read from the jar one by one (about 0.2 s of CPU on the benchmark). JDK 17 has no
 * {@code -XX:+AutoCreateSharedArchive} (that came in JDK 19), so the launcher does the same by
 * hand: the first {@code trace} run from a jar lists the classes it loads
 * ({@code -XX:DumpLoadedClassList}), and when it has ended the launcher dumps a static archive
 * of them ({@code -Xshare:dump}, about a second, once); later runs map it
 * ({@code -XX:SharedArchiveFile}). A static archive, not a dynamic one written at exit
 * ({@code -XX:ArchiveClassesAtExit}): the dynamic one refuses picocli's classes (compiled for Java
 * 5), so each run loaded and verified them from the jar again; with them archived a run starts
 * some 45 ms sooner (the benchmark's child JVM, 8 alternating runs: 1,136 → 1,091 ms).
 *
 * <p>The archive lives in the user's cache folder ({@code $XDG_CACHE_HOME/cascadeviz} or
 * {@code ~/.cache/cascadeviz}; {@code -Dcascadeviz.cds.dir=DIR} puts it elsewhere,
 * {@code -Dcascadeviz.cds=false} turns it off), named for the jar (path, size, time) and the JVM,
 * so a rebuilt jar or another JDK gets its own (the {@link #KEPT} archives used last are kept,
 * others go when one is written); the JVM checks the jar itself as well and
 * silently runs without an archive that does not fit. The JVM's CDS messages are turned off in
 * the child, as they would go to stdout, where the trace is; the dump's go nowhere.
 */
final class ClassArchive {

    /**
     * What the child JVM gets; the class list it writes and the archive dumped from it after the
     * run (both null when the archive is there or none is made); the archive's place.
     */
    record Plan(List<String> jvmOptions, Path classList, Path writing, Path archive) {
        static final Plan NONE = new Plan(List.of(), null, null, null);
    }

    /** Dumps the archive {@code writing} of the classes in {@code classList}. */
    interface Dump {
        void run(Path classList, Path writing) throws IOException, InterruptedException;
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
                + System.getProperty("java.vm.version") + "|static|" + Launcher.CLI_JVM_OPTIONS);
    }

    /**
     * The plan with the archive in dir: map it when it is there; else, on a {@code trace} run,
     * list the classes it loads into a file of this run's own ({@link #finish} dumps and places the archive).
     */
    static Plan plan(Path dir, File jar, String[] args, String jvm) {
        Path archive = dir.resolve(name(jar, jvm));
        if (Files.isRegularFile(archive)) {
            markUsed(archive);
            return new Plan(List.of("-XX:SharedArchiveFile=" + archive, QUIET), null, null, archive);
        }
        if (!createsArchive(args)) {
            return Plan.NONE;
        }
        // A JVM that cannot write its class list says so where the trace goes: so the file is
        // created here first, and only with room to spare for the archive.
        String own = archive.getFileName() + "." + ProcessHandle.current().pid();
        Path list = dir.resolve(own + ".classlist");
        try {
            Files.createDirectories(dir);
            if (dir.toFile().getUsableSpace() < MIN_FREE_BYTES) {
                return Plan.NONE;
            }
            Files.deleteIfExists(list);
            Files.createFile(list);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Plan.NONE;
        }
        return new Plan(List.of("-XX:DumpLoadedClassList=" + list, QUIET), list, dir.resolve(own + ".tmp"), archive);
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
     * The real dump: {@code java -Xshare:dump} of the class list, with the jar as the child's class
     * path (an archive maps only for the class path it was dumped with), its messages discarded, a
     * minute at most.
     */
    static Dump dumpWith(String javaHome, File jar) {
        return new Dump() { // a class, not a lambda: its bootstrap would cost every run's first JVM some 8 ms
            @Override
            public void run(Path classList, Path writing) throws IOException, InterruptedException {
                Process dump = new ProcessBuilder(javaHome + File.separator + "bin" + File.separator + "java",
                        "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + writing,
                        "-cp", jar.getPath())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!dump.waitFor(60, TimeUnit.SECONDS)) {
                    dump.destroyForcibly();
                    throw new IOException("the class archive's dump took over a minute");
                }
                if (dump.exitValue() != 0) {
                    Files.deleteIfExists(writing);
                }
            }
        };
    }

    /**
     * After the child: the archive is dumped from the classes it listed, then takes its place (a
     * whole file, moved in one step, so that a run starting meanwhile never maps half of one), and
     * the archives of earlier builds of the same jar path are removed. Nothing here may fail the run.
     */
    static void finish(Plan plan, Dump dump) {
        if (plan.writing() == null) {
            return;
        }
        try {
            if (plan.classList() != null && Files.isRegularFile(plan.classList()) && Files.size(plan.classList()) > 0) {
                dump.run(plan.classList(), plan.writing());
            }
            if (Files.isRegularFile(plan.writing()) && Files.size(plan.writing()) > 0) {
                Files.move(plan.writing(), plan.archive(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                removeOlder(plan.archive());
            }
        } catch (IOException | RuntimeException e) {
            // no archive this time; the next trace run tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Path p : new Path[] {plan.writing(), plan.classList()}) {
                try {
                    if (p != null) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException | RuntimeException e) {
                    // left behind in the cache folder
                }
            }
        }
    }

    /** {@code cascadeviz-PATH-BUILD.jsa}: PATH names the jar's path, BUILD its size, time and the JVM. */
    static String name(File jar, String jvm) {
        String path = jar.getAbsolutePath();
        String build = jar.length() + "|" + jar.lastModified() + "|" + jvm;
        return PREFIX + hex(path) + "-" + hex(path + "|" + build) + ".jsa";
    }

    /**
     * Removes the archives of earlier builds of the same jar path, and of other jars (a copy
     * unpacked elsewhere, an older version) all but the {@link #KEPT} used last: each takes 7-20
     * MB, and a jar moved or deleted never used its archive again.
     */
    private static void removeOlder(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        String samePath = name.substring(0, name.lastIndexOf('-') + 1);
        List<Path> others = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), PREFIX + "*.jsa")) {
            for (Path f : files) {
                String other = f.getFileName().toString();
                if (other.equals(name)) {
                    continue;
                }
                if (other.startsWith(samePath)) {
                    Files.deleteIfExists(f);
                } else {
                    others.add(f);
                }
            }
        }
        others.sort(Comparator.comparing(ClassArchive::lastUsed).reversed());
        for (Path f : others.subList(Math.min(others.size(), KEPT - 1), others.size())) {
            Files.deleteIfExists(f); // a JVM mapping it keeps its mapping
        }
    }

    /** Archives kept in the cache folder, the newest included: the jars run last. */
    static final int KEPT = 4;

    /** An archive's last use, kept as its modification time (a run that maps it sets it). */
    private static long lastUsed(Path archive) {
        try {
            return Files.getLastModifiedTime(archive).toMillis();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void markUsed(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache: the archive may go before others when one is written
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
