package dev.cascadeviz.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenarios expected not to agree yet: one per line, {@code path  # reason} for every release or
 * {@code 2.1/path  # reason} for one; blank lines and lines starting with {@code #} are comments.
 */
final class KnownDifferences {

    private final Map<String, String> reasons;

    private KnownDifferences(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    static KnownDifferences read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readString(file)) : new KnownDifferences(Map.of());
    }

    static KnownDifferences parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf('#');
            String path = (hash < 0 ? line : line.substring(0, hash)).strip();
            String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
            reasons.put(path, reason.isEmpty() ? "listed in known-differences.txt" : reason);
        }
        return new KnownDifferences(reasons);
    }

    /** Whether an entry is listed, by its path (every release) or its id (its release only). */
    boolean contains(Corpus.Entry e) {
        return reasons.containsKey(e.id()) || reasons.containsKey(e.path());
    }

    String reason(Corpus.Entry e) {
        return reasons.getOrDefault(e.id(), reasons.get(e.path()));
    }

    Map<String, String> all() {
        return reasons;
    }
}
