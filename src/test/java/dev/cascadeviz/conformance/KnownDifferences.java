package dev.cascadeviz.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenarios expected not to agree yet: one per line, {@code path  # reason}; blank lines and
 * lines starting with {@code #} are comments.
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

    boolean contains(String id) {
        return reasons.containsKey(id);
    }

    String reason(String id) {
        return reasons.get(id);
    }

    Map<String, String> all() {
        return reasons;
    }
}
