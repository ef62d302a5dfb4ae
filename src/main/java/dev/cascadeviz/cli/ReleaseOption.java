package dev.cascadeviz.cli;

import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --sqlalchemy 2.0|2.1}: the release to show, overriding the file's {@code sqlalchemy:}
 * key as {@code --engine} overrides its engine. A picocli mixin of trace, explain and export.
 */
final class ReleaseOption {

    @Option(names = "--sqlalchemy", paramLabel = "RELEASE", converter = Converter.class,
            description = "2.0 or 2.1: the SQLAlchemy release whose SQL and behaviour to show "
                    + "(default: each scenario's own, else 2.1)")
    Release release;

    /** The scenario as the command shows it: with the release given on the command line, if any. */
    Scenario apply(Scenario scenario) {
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
