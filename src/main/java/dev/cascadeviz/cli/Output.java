package dev.cascadeviz.cli;

import dev.cascadeviz.scenario.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's text to stdout, or to a file when one is given. */
final class Output {

    private Output() {
    }

    /** 0 when written; {@link CascadeVizCommand#USAGE} with a message when the file cannot be written. */
    static int write(CommandSpec spec, String command, String text, Path file) {
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return 0;
        }
        try {
            AtomicFiles.writeString(file, text); // whole or not at all
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cascadeviz " + command + ": " + e.getMessage());
            return CascadeVizCommand.USAGE;
        }
    }
}
