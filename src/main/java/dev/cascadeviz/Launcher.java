package dev.cascadeviz;

import dev.cascadeviz.app.CascadeVizApp;
import dev.cascadeviz.cli.CascadeVizCommand;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * The runnable jar's main class. A class that extends {@code Application} cannot start a plain
 * {@code java -jar}, so this one decides: no subcommand starts the window, anything else goes
 * to the command line.
 *
 * <p>A command-line run is short: on a small machine (2 cores here) the optimizing C2
 * compiler's background work costs more than it gives back before the run ends (the
 * 37,449-row benchmark: 1.55 s with it, 1.05 s without). {@code java -jar} cannot carry JVM
 * options, so a command-line run from the jar starts its own JVM once more with C1 only (compiling
 * sooner than by default) and the serial collector ({@link #CLI_JVM_OPTIONS}); set {@code -Dcascadeviz.relaunch=false} to
 * run in the first JVM instead. The child maps the classes it needs from a class-data sharing
 * archive ({@link ClassArchive}) that the first {@code trace} run from this jar writes, and gets
 * a young generation large enough that a usual run never collects ({@link #heapOptions}).
 *
 * <p>The window keeps the G1 collector, with a pause goal of its own, and, like a command-line
 * run, the C1 compiler only ({@link #WINDOW_JVM_OPTIONS}). G1's default goal of 200 ms let it
 * grow the young generation until a pause copied long enough to hold the window still (the
 * 37,449-row benchmark: pauses of 70-140 ms of GC CPU while it runs). C2's background
 * compiling was the JavaFX thread's largest rival for the two cores: while the benchmark opened,
 * C2 took 2.5 s of CPU, more than the JavaFX thread (1.2 s) and the collector (0.7 s) together,
 * and the window could not repaint for 700 ms at a time; with C1 only, open's longest stall fell
 * to about 240 ms and the results came in half the time (conformance/bench-window-run.sh). From
 * the jar the window is started in a second JVM with them, as a command-line run is;
 * {@code mvn javafx:run} gives them to its JVM (pom.xml).
 */
public final class Launcher {

    /**
     * The JVM options of a command-line run. C1 compiles a method after half its usual count of
     * calls and loops ({@code CompileThresholdScaling=0.5}): less of a short run stays in the
     * interpreter (the benchmark's simulation about 30 ms faster, median of 12 runs: 1.048 s to
     * 1.018 s for the child JVM; 0.25 gave no more).
     */
    static final List<String> CLI_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5",
            "-XX:+UseSerialGC", "-Xshare:auto");
    /** The JVM options of the window (also in pom.xml's javafx-maven-plugin options). */
    static final List<String> WINDOW_JVM_OPTIONS = List.of("-XX:MaxGCPauseMillis=50", "-XX:TieredStopAtLevel=1");
    private static final String CHILD = "cascadeviz.relaunched";
    /** The young generation the child asks for, at most (a third of the largest heap when that is smaller). */
    static final long YOUNG_MB = 264;
    /** Below this largest heap the child keeps the JVM's own sizes. */
    private static final long MIN_HEAP_MB = 96;

    private Launcher() {
    }

    public static void main(String[] args) {
        boolean window = args.length == 0 || CascadeVizCommand.isWindowRequest(args);
        File jar = runningJar();
        if (jar != null && !Boolean.getBoolean(CHILD) && !"false".equals(System.getProperty("cascadeviz.relaunch"))) {
            Integer code = window ? relaunchWindow(jar, args) : relaunch(jar, args);
            if (code != null) {
                System.exit(code);
            }
        }
        if (window) {
            Application.launch(CascadeVizApp.class, args);
            return;
        }
        System.exit(CascadeVizCommand.execute(args));
    }

    /** The child's exit code, or null when no child could be started (then this JVM runs it). */
    private static Integer relaunch(File jar, String[] args) {
        List<String> given = givenJvmOptions(args);
        ClassArchive.Plan archive = ClassArchive.plan(jar, args);
        List<String> command = childCommand(System.getProperty("java.home"), jar, args, given, archive.jvmOptions(),
                heapOptions(Runtime.getRuntime().maxMemory(), given));
        Integer code = run(command);
        if (code != null && !Thread.currentThread().isInterrupted()) { // the child ran to its end: its archive is whole
            ClassArchive.finish(archive, ClassArchive.dumpWith(System.getProperty("java.home"), jar));
        }
        return code;
    }

    /** The window in a JVM with {@link #WINDOW_JVM_OPTIONS}: its exit code, or null when it could not be started. */
    private static Integer relaunchWindow(File jar, String[] args) {
        return run(windowCommand(System.getProperty("java.home"), jar, args, givenJvmOptions(args)));
    }

    /** Runs the child and waits for it; this JVM ended (a kill, Ctrl+C) ends the child too, as if they were one program. */
    private static Integer run(List<String> command) {
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new EndChild(child));
            return child.waitFor();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The options this JVM was started with (all that come before the program's arguments; the
     * child keeps those {@link #childCommand} names): read from the process's own command line,
     * or, when that cannot tell them apart (an {@code @argfile}), from the management interface,
     * whose start costs this short-lived JVM some 20 ms. Options from the environment
     * ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) reach the child through its environment.
     */
    private static List<String> givenJvmOptions(String[] args) {
        try {
            String[] line = ownArguments();
            List<String> options = line == null ? null : optionsBefore(line, args);
            if (options != null) {
                return options;
            }
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    /**
     * This JVM's command line without the program name: on Linux read from
     * {@code /proc/self/cmdline} (NUL-separated), which costs this short-lived JVM about 1 ms where
     * {@code ProcessHandle.info()} cost some 15 (its classes and lambdas are not in the JDK's class
     * archive); elsewhere from {@code ProcessHandle}. Null when neither can tell.
     */
    static String[] ownArguments() {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            // the launcher decoded the arguments in the platform's encoding for file names
            Charset encoding = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    parts.add(new String(bytes, start, i - start, encoding));
                    start = i + 1;
                }
            }
            if (!parts.isEmpty()) {
                return parts.subList(1, parts.size()).toArray(new String[0]);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: ask the process API
        }
        return ProcessHandle.current().info().arguments().orElse(null);
    }

    /** Ends the child when this JVM ends (a class of its own: a lambda's bootstrap costs this JVM some 8 ms). */
    private static final class EndChild extends Thread {
        private final Process child;

        EndChild(Process child) {
            super("cascadeviz-end-child");
            this.child = child;
        }

        @Override
        public void run() {
            child.destroy();
        }
    }

    /**
     * What a java command line (without the program name) has before the program's own arguments,
     * or null when it does not end with them or holds an {@code @argfile} the launcher expanded.
     */
    static List<String> optionsBefore(String[] commandLine, String[] programArgs) {
        int end = commandLine.length - programArgs.length;
        if (end < 0) {
            return null;
        }
        for (int i = 0; i < programArgs.length; i++) {
            if (!commandLine[end + i].equals(programArgs[i])) {
                return null;
            }
        }
        List<String> options = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            if (commandLine[i].startsWith("@")) {
                return null;
            }
            options.add(commandLine[i]);
        }
        return options;
    }

    /**
     * The child JVM's command line: the CLI options, then the options the user gave this JVM that
     * the run depends on (every {@code -D} system property, e.g. {@code -Dcascadeviz.debug}, and
     * the memory and stack sizes {@code -Xmx}, {@code -Xms}, {@code -Xss}), then the jar and the arguments.
     */
    static List<String> childCommand(String javaHome, File jar, String[] args, List<String> givenJvmOptions) {
        return childCommand(javaHome, jar, args, givenJvmOptions, List.of());
    }

    /** Like {@link #childCommand(String, File, String[], List)}, with the class archive's options after the CLI's. */
    static List<String> childCommand(String javaHome, File jar, String[] args, List<String> givenJvmOptions,
            List<String> archiveOptions) {
        return childCommand(javaHome, jar, args, givenJvmOptions, archiveOptions, List.of());
    }

    /** The same, with the heap's options ({@link #heapOptions}) after the archive's. */
    static List<String> childCommand(String javaHome, File jar, String[] args, List<String> givenJvmOptions,
            List<String> archiveOptions, List<String> heapOptions) {
        List<String> options = new ArrayList<>(CLI_JVM_OPTIONS);
        options.addAll(archiveOptions);
        options.addAll(heapOptions);
        return command(javaHome, jar, args, options, givenJvmOptions);
    }

    /**
     * The window's JVM: {@link #WINDOW_JVM_OPTIONS}, then what the user gave that a command-line
     * run keeps (system properties, memory and stack sizes), then the jar and the arguments.
     */
    static List<String> windowCommand(String javaHome, File jar, String[] args, List<String> givenJvmOptions) {
        return command(javaHome, jar, args, WINDOW_JVM_OPTIONS, givenJvmOptions);
    }

    private static List<String> command(String javaHome, File jar, String[] args, List<String> ours, List<String> givenJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaHome + File.separator + "bin" + File.separator + "java");
        command.addAll(ours);
        for (String option : givenJvmOptions) {
            if ((option.startsWith("-D") && !option.startsWith("-D" + CHILD + "=")) || option.startsWith("-Xmx")
                    || option.startsWith("-Xms") || option.startsWith("-Xss")) {
                command.add(option);
            }
        }
        command.add("-D" + CHILD + "=true");
        command.add("-cp");
        command.add(jar.getPath());
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The child's young generation ({@code -Xmn}) and, to hold it, initial heap ({@code -Xms}):
     * {@link #YOUNG_MB} MB, or a third of the largest heap when that is smaller. A command-line
     * run is short, and what it keeps (the scenario, the session's objects) lives until it ends:
     * with the serial collector's default young generation (a third of an initial heap of 1/64
     * of the memory, 126 MB on a 24 GB machine) the 37,449-row benchmark, which allocates some
     * 375 MB, collected three times, copying its growing live data each time (about 0.17 s of
     * pauses, both cores waiting); with these sizes it collects once, early, when little is live
     * (about 0.03 s), and a usual scenario not at all. The eden (four fifths of it, 211 MB) fills
     * about when the file has been read: its tree is garbage then and only the scenario is
     * copied (9-13 MB). With 320 MB, once reading made less garbage ({@code SimpleKeySlots}), the
     * benchmark (353 MB) collected in the middle of its simulation instead, copying 35 MB of
     * session objects (70-84 ms); with 250 MB, before reading had ended (19 MB, 45-52 ms). Pages of the young generation are touched
     * only as the run allocates into them. {@code largestHeapBytes} is this JVM's, the same
     * ergonomics as the child's, or the {@code -Xmx} both are given; none when the user gives
     * {@code -Xms} (it could be smaller than the young generation, and the JVM would print a
     * warning where the trace goes) or the heap is too small to be worth it.
     */
    static List<String> heapOptions(long largestHeapBytes, List<String> givenJvmOptions) {
        for (String option : givenJvmOptions) {
            if (option.startsWith("-Xms") || option.startsWith("-Xmn")) {
                return List.of();
            }
        }
        long largestMb = largestHeapBytes / (1024 * 1024);
        if (largestMb < MIN_HEAP_MB) {
            return List.of();
        }
        long youngMb = Math.min(YOUNG_MB, largestMb / 3);
        return List.of("-Xmn" + youngMb + "m", "-Xms" + 2 * youngMb + "m");
    }

    /** The jar this class was loaded from, or null when it runs from classes (tests, IDE). */
    private static File runningJar() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            File f = new File(source.getLocation().toURI());
            return f.isFile() && f.getName().endsWith(".jar") ? f : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
