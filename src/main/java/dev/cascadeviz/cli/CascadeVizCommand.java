package dev.cascadeviz.cli;

/** The command line (picocli); subcommands trace and validate. */
public final class CascadeVizCommand {

    private CascadeVizCommand() {
    }

    /** True when the arguments ask for the window rather than a subcommand. */
    public static boolean isWindowRequest(String[] args) {
        return args.length == 0;
    }

    /** Runs the command line and returns the exit code: 0 success, 1 scenario problem, 2 usage. */
    public static int execute(String... args) {
        System.err.println("not yet implemented");
        return 2;
    }
}
