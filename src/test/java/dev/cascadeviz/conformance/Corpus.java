package dev.cascadeviz.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance corpus: every scenario under {@code src/test/resources/conformance/scenarios}
 * and every built-in library scenario, each with the golden conformance/capture.py wrote for it.
 */
final class Corpus {

    static final Path RESOURCES = Path.of("src", "test", "resources", "conformance");
    static final Path SCENARIOS = RESOURCES.resolve("scenarios");
    static final Path GOLDENS = RESOURCES.resolve("goldens");
    static final Path LIBRARY = Path.of("assets", "scenarios");
    /** The library's index of scenarios, not a scenario itself. */
    static final String LIBRARY_INDEX = "library.yaml";

    /**
     * One scenario of the corpus.
     *
     * @param id its path relative to the scenarios folder, or {@code library/<file>} for the library
     */
    record Entry(String id, Path scenario, Path golden) {
    }

    private Corpus() {
    }

    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Path p : files(SCENARIOS, Integer.MAX_VALUE)) {
            String relative = slashes(SCENARIOS.relativize(p));
            out.add(new Entry(relative, p, GOLDENS.resolve(goldenName(relative))));
        }
        for (Path p : files(LIBRARY, 1)) {
            if (p.getFileName().toString().equals(LIBRARY_INDEX)) {
                continue;
            }
            String relative = "library/" + p.getFileName();
            out.add(new Entry(relative, p, GOLDENS.resolve(goldenName(relative))));
        }
        return out;
    }

    /** {@code a/b.yaml} becomes {@code a/b.golden.json}, as capture.py names it. */
    static String goldenName(String relative) {
        int dot = relative.lastIndexOf('.');
        int slash = relative.lastIndexOf('/');
        return (dot > slash ? relative.substring(0, dot) : relative) + ".golden.json";
    }

    private static List<Path> files(Path root, int depth) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root, depth)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
