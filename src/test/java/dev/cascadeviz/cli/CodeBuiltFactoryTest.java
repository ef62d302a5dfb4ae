package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The code-built commands' factory makes what picocli's own factory makes. */
class CodeBuiltFactoryTest {

    @Test
    void makesTheCollectionsAndObjectsPicocliWould() throws Exception {
        CommandLine.IFactory picocli = CommandLine.defaultFactory();
        CodeBuiltFactory ours = new CodeBuiltFactory();
        for (Class<?> c : List.of(List.class, Set.class, StringBuilder.class)) {
            assertEquals(picocli.create(c).getClass(), ours.create(c).getClass(), c.getName());
        }
    }
}
