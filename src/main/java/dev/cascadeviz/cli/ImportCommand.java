package dev.cascadeviz.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code import}: not yet. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Makes a scenario from a SQLAlchemy models module or a database.")
final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return CascadeVizCommand.USAGE;
    }
}
