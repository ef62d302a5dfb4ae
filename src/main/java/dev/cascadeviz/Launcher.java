package dev.cascadeviz;

import dev.cascadeviz.app.CascadeVizApp;
import dev.cascadeviz.cli.CascadeVizCommand;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
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
 * options, so a command-line run from the jar starts its own JVM once more with C1 only and
 * the serial collector ({@link #CLI_JVM_OPTIONS}); set {@code -Dcascadeviz.relaunch=false} to
 * run in the first JVM instead. The window, which runs long, keeps the default JVM. The child
 * maps the classes it needs from a class-data sharing archive ({@link ClassArchive}) that the
 * first {@code trace} run from this jar writes, and gets a young generation large enough that a
 * usual run never collects ({@link #heapOptions}).
 */
public final class Launcher {

    /** The JVM options of a command-line run. */
    static final List<String> CLI_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");
    private static final String CHILD = "cascadeviz.relaunched";
    /** The young generation the child asks for, at most (a third of the largest heap when that is smaller). */
    static final long YOUNG_MB = 320;
    /** Below this largest heap the child keeps the JVM's own sizes. */
    private static final long MIN_HEAP_MB = 96;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || CascadeVizCommand.isWindowRequest(args)) {
            Application.launch(CascadeVizApp.class, args);
            return;
        }
        File jar = runningJar();
        if (jar != null && !Boolean.getBoolean(CHILD) && !"false".equals(System.getProperty("cascadeviz.relaunch"))) {
            Integer code = relaunch(jar, args);
            if (code != null) {
                System.exit(code);
            }
        }
        System.exit(CascadeVizCommand.execute(args));
    }

    /** The child's exit code, or null when no child could be started (then this JVM runs it). */
    private static Integer relaunch(File jar, String[] args) {
        List<String> given = givenJvmOptions(args);
        ClassArchive.Plan archive = ClassArchive.plan(jar, args);
        List<String> command = childCommand(System.getProperty("java.home"), jar, args, given, archive.jvmOptions(),
                heapOptions(Runtime.getRuntime().maxMemory(), given));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            int code = child.waitFor();
            ClassArchive.finish(archive);
            return code;
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
            String[] line = ProcessHandle.current().info().arguments().orElse(null);
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
        List<String> command = new ArrayList<>();
        command.add(javaHome + File.separator + "bin" + File.separator + "java");
        command.addAll(CLI_JVM_OPTIONS);
        command.addAll(archiveOptions);
        command.addAll(heapOptions);
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
     * (about 0.04 s), and a usual scenario not at all. Pages of the young generation are touched
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
