package dev.cascadeviz.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version} for the commands whose model is built in code
 * (the top command and trace): the options and texts of picocli's {@code mixinStandardHelpOptions},
 * which picocli itself would read from its own annotated mixin by reflection (some 15 ms of a
 * trace run's start).
 */
final class StandardHelp {

    private StandardHelp() {
    }

    /** Adds the two options, with this project's version provider. */
    static CommandSpec addTo(CommandSpec spec) {
        spec.versionProvider(new Versions());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }
}
