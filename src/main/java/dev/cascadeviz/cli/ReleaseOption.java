package dev.cascadeviz.cli;

import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --sqlalchemy 2.0|2.1}: the release to show, overriding the file's {@code sqlalchemy:}
 * key as {@code --engine} overrides its engine. One option of trace, explain and export, each
 * with an instance of its own added to its model ({@link #addTo}).
 */
final class ReleaseOption {

    private final OptionSpec option = OptionSpec.builder("--sqlalchemy").paramLabel("RELEASE").type(Release.class)
            .converters(new Converter())
            .description("2.0 or 2.1: the SQLAlchemy release whose SQL and behaviour to show "
                    + "(default: each scenario's own, else 2.1)")
            .build();

    /** Adds the option to a command's model (once: an option belongs to one command). */
    void addTo(CommandSpec spec) {
        spec.addOption(option);
    }

    /** The command line of a command whose other options picocli reads from its annotations, with this option added. */
    CommandLine commandLineOf(Object command) {
        CommandLine line = new CommandLine(command);
        addTo(line.getCommandSpec());
        return line;
    }

    /** The scenario as the command shows it: with the release given on the command line, if any. */
    Scenario apply(Scenario scenario) {
        Release release = option.getValue();
        return release == null ? scenario : scenario.withSqlalchemy(release);
    }

    static final class Converter implements ITypeConverter<Release> {
        @Override
        public Release convert(String value) {
            Release r = Release.fromText(value);
            if (r == null) {
                throw new TypeConversionException("unknown SQLAlchemy release '" + value + "' (expected 2.0 or 2.1)");
            }
            return r;
        }
    }
}
