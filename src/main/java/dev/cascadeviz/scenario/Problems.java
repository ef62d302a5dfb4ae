package dev.cascadeviz.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file while it is read, so that one pass reports them all. */
final class Problems {

    private final String file;
    private final List<Problem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(Node.Pos pos, String message) {
        list.add(new Problem(file, pos.line(), pos.column(), message));
    }

    void add(Node node, String message) {
        add(node.pos(), message);
    }

    /** An empty collection for the same file (a second thread's, added back with {@link #addAll}). */
    Problems another() {
        return new Problems(file);
    }

    /** Adds another collection's problems after these, in its order. */
    void addAll(Problems other) {
        list.addAll(other.list);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int count() {
        return list.size();
    }

    /** At most this many problems are reported; one more line says how many were left out. */
    static final int SHOWN = 100;

    /**
     * The problems in file order (line, then column; equal positions keep their order), the first
     * {@value #SHOWN} of them, then (when there are more) one that says how many more there are.
     */
    List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        if (copy.size() <= SHOWN) {
            return copy;
        }
        Problem next = copy.get(SHOWN);
        int more = copy.size() - SHOWN;
        List<Problem> shown = new ArrayList<>(copy.subList(0, SHOWN));
        shown.add(new Problem(file, next.line(), next.column(), "and " + more + " more problem" + (more == 1 ? "" : "s")
                + " after this point, not shown (fix these first)"));
        return shown;
    }

    void throwIfAny() throws ScenarioException {
        if (!list.isEmpty()) {
            throw new ScenarioException(sorted());
        }
    }
}
