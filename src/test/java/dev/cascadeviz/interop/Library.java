package dev.cascadeviz.interop;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The built-in library's scenarios (assets/scenarios, without the index). */
final class Library {

    static final Path DIR = Path.of("assets", "scenarios");

    private Library() {
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("library.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario load(Path file) {
        try {
            return ScenarioFiles.load(file);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}
