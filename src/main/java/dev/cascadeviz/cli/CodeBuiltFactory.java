package dev.cascadeviz.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * picocli's factory for the commands whose model is built in code (the top command and trace):
 * the list that holds their FILE arguments, as picocli's own factory makes it; anything else is
 * left to picocli's factory. Not picocli's factory from the start: setting it up looks for Groovy
 * on the class path, and the class loader opened the 14,903-entry jar to find it missing, on the
 * main thread before the file is read (every class a trace needs comes from the class archive).
 */
final class CodeBuiltFactory implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == List.class) {
            return cls.cast(new ArrayList<>());
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
