package dev.cascadeviz.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * The command line: {@code trace}, {@code validate}, {@code explain}, {@code export} and {@code import}; without a subcommand the Launcher opens
 * the window. Exit codes: 0 success, 1 a scenario problem, 2 a usage problem. Mistakes print a
 * message on stderr, never a stack trace.
 */
public final class CascadeVizCommand implements Callable<Integer> {

    /** A problem with a scenario file (it cannot be read, or is not valid). */
    public static final int SCENARIO_PROBLEM = 1;
    /** A problem with the command line itself. */
    public static final int USAGE = 2;

    private static final Set<String> COMMAND_WORDS = Set.of("trace", "validate", "explain", "export", "import", "help");

    private CommandSpec spec;

    /**
     * True when the arguments ask for the window rather than the command line: none at all, or a
     * single scenario file to open ({@code cascadeviz artist.yaml}).
     */
    public static boolean isWindowRequest(String[] args) {
        if (args.length == 0) {
            return true;
        }
        return args.length == 1 && !args[0].startsWith("-") && !COMMAND_WORDS.contains(args[0]);
    }

    /** Runs the command line on System.out and System.err and returns the exit code. */
    public static int execute(String... args) {
        TraceWarmUp.startFor(args);
        PrintWriter out = new Utf8Output(System.out);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return execute(out, err, args);
    }

    /** Runs the command line writing to the given streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            return executeAll(out, err, args);
        } catch (OutOfMemoryError e) {
            // Too large for this JVM's heap: say so and how to give it more, without a stack trace.
            err.println("cascadeviz: out of memory (the Java heap holds at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): run it with more, e.g. "
                    + "java -Xmx4g -jar cascadeviz.jar " + String.join(" ", args));
            err.flush();
            return SCENARIO_PROBLEM;
        }
    }

    private static int executeAll(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        addSubcommands(cmd, args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(new UsageMistake());
        cmd.setExecutionExceptionHandler(new CommandFault());
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The top command's model, built in code as trace's is ({@link TraceCommand#commandLine}):
     * picocli would read it from annotations by reflection at the start of every trace run.
     */
    private static CommandLine commandLine() {
        CascadeVizCommand command = new CascadeVizCommand();
        CodeBuiltFactory factory = new CodeBuiltFactory();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command, factory).name("cascadeviz");
        spec.usageMessage().description("Shows what SQLAlchemy's ORM and the database do to the rows when a session "
                + "adds, changes, merges, refreshes or deletes objects.%n"
                + "Without a subcommand, opens the window.");
        StandardHelp.addTo(spec);
        command.spec = spec;
        return new CommandLine(spec, factory);
    }

    /**
     * The subcommands: only the one named first when it is a command (picocli builds a command's
     * model from its annotations, which costs 100-200 ms for all five on a cold JVM), else all of
     * them, for help and for the message on a mistaken word.
     */
    private static void addSubcommands(CommandLine cmd, String[] args) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("trace", TraceCommand::commandLine);
        commands.put("validate", ValidateCommand::new);
        commands.put("explain", ExplainCommand::commandLine);
        commands.put("export", ExportCommand::commandLine);
        commands.put("import", ImportCommand::new);
        Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        if (named != null) {
            cmd.addSubcommand(args[0], named.get());
        } else {
            commands.forEach((name, command) -> cmd.addSubcommand(name, command.get()));
        }
    }

    /*
     * The two handlers are classes, not lambdas: to archive a lambda's class, the class archive's
     * dump links the interface it implements, and a linked picocli interface (compiled for Java 5)
     * cannot be archived; it and picocli's own two handlers were left out, and every trace run
     * read, defined and verified them from the jar before the file is read.
     */

    /** A mistake on the command line: the message and where to find help, exit code {@link #USAGE}. */
    private static final class UsageMistake implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("cascadeviz: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        }
    }

    /** A fault of the command itself: one line, the stack trace only with {@code -Dcascadeviz.debug}. */
    private static final class CommandFault implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) {
            return internalError(ex, commandLine.getErr());
        }
    }

    private static int internalError(Exception ex, PrintWriter err) {
        err.println("cascadeviz: internal error: " + ex);
        if (Boolean.getBoolean("cascadeviz.debug")) {
            ex.printStackTrace(err);
        }
        return SCENARIO_PROBLEM;
    }

    @Override
    public Integer call() {
        // Reached only when called without a subcommand but with something else (the Launcher opens the window otherwise).
        spec.commandLine().getErr().println("cascadeviz: missing subcommand (trace, validate, explain, export or import)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
