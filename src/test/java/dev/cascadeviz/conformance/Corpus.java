package dev.cascadeviz.conformance;

import dev.cascadeviz.model.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance corpus: every scenario under {@code src/test/resources/conformance/scenarios}
 * and every built-in library scenario, each with the goldens conformance/capture.py wrote for it
 * under each release ({@code goldens/2.0/...}, {@code goldens/2.1/...}).
 */
final class Corpus {

    static final Path RESOURCES = Path.of("src", "test", "resources", "conformance");
    static final Path SCENARIOS = RESOURCES.resolve("scenarios");
    static final Path GOLDENS = RESOURCES.resolve("goldens");
    static final Path LIBRARY = Path.of("assets", "scenarios");
    /** The library's index of scenarios, not a scenario itself. */
    static final String LIBRARY_INDEX = "library.yaml";

    /**
     * One scenario of the corpus under one release.
     *
     * @param path its path relative to the scenarios folder, or {@code library/<file>} for the library
     */
    record Entry(Release release, String path, Path scenario, Path golden) {

        /** {@code 2.1/generated/chain/x.yaml}: the release and the path. */
        String id() {
            return release.text() + "/" + path;
        }
    }

    private Corpus() {
    }

    /** Every scenario under every release, release by release. */
    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Release release : Release.values()) {
            out.addAll(entries(release));
        }
        return out;
    }

    static List<Entry> entries(Release release) {
        Path goldens = goldens(release);
        List<Entry> out = new ArrayList<>();
        for (Path p : files(SCENARIOS, Integer.MAX_VALUE)) {
            String relative = slashes(SCENARIOS.relativize(p));
            out.add(new Entry(release, relative, p, goldens.resolve(goldenName(relative))));
        }
        for (Path p : files(LIBRARY, 1)) {
            if (p.getFileName().toString().equals(LIBRARY_INDEX)) {
                continue;
            }
            String relative = "library/" + p.getFileName();
            out.add(new Entry(release, relative, p, goldens.resolve(goldenName(relative))));
        }
        return out;
    }

    /** Where the goldens captured under a release live. */
    static Path goldens(Release release) {
        return GOLDENS.resolve(release.text());
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
