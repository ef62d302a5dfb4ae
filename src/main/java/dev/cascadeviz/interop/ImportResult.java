package dev.cascadeviz.interop;

import dev.cascadeviz.model.Scenario;
import java.util.Comparator;
import java.util.List;

/**
 * What an import made: the scenario (null when nothing usable came out), what was skipped or
 * changed on the way, and the problems that keep the scenario from loading (empty when it loads).
 */
public record ImportResult(Scenario scenario, List<ImportNote> notes, List<String> problems) {

    public ImportResult {
        notes = notes.stream().sorted(Comparator.comparingInt(ImportNote::line)).toList();
        problems = List.copyOf(problems);
    }

    /** True when there is a scenario that loads as it is. */
    public boolean ok() {
        return scenario != null && problems.isEmpty();
    }

    /** The notes and problems as lines for a person: each note, then each problem prefixed with "error: ". */
    public String report(String source) {
        StringBuilder sb = new StringBuilder();
        for (ImportNote n : notes) {
            sb.append(source).append(n.line() > 0 ? ":" + n.line() : "").append(": ")
                    .append(n.message()).append('\n');
        }
        for (String p : problems) {
            sb.append(source).append(": error: ").append(p).append('\n');
        }
        return sb.toString();
    }
}
