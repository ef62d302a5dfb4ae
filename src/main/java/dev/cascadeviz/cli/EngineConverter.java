package dev.cascadeviz.cli;

import dev.cascadeviz.model.Engine;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine sqlite|h2}, as the scenario files spell engines. */
final class EngineConverter implements ITypeConverter<Engine> {

    @Override
    public Engine convert(String value) {
        Engine e = Engine.fromFileName(value.toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new TypeConversionException("unknown engine '" + value + "' (expected sqlite or h2)");
        }
        return e;
    }
}
