package dev.cascadeviz.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An attribute's history, as {@code attributes.History}: added, unchanged, deleted. */
public record History(List<InstanceState> added, List<InstanceState> unchanged, List<InstanceState> deleted) {

    public static final History BLANK = new History(List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return added.isEmpty() && deleted.isEmpty() && unchanged.isEmpty();
    }

    /** Python truthiness of a History: any of the three non-empty. */
    public boolean present() {
        return !isEmpty();
    }

    public boolean hasChanges() {
        return !added.isEmpty() || !deleted.isEmpty();
    }

    public List<InstanceState> sum() {
        List<InstanceState> all = new ArrayList<>(added);
        all.addAll(unchanged);
        all.addAll(deleted);
        return all;
    }

    public List<InstanceState> nonDeleted() {
        List<InstanceState> all = new ArrayList<>(added);
        all.addAll(unchanged);
        return all;
    }

    public List<InstanceState> nonAdded() {
        List<InstanceState> all = new ArrayList<>(unchanged);
        all.addAll(deleted);
        return all;
    }

    /**
     * {@code History.from_collection}: compares the committed list with the current one; with no
     * committed list (never modified) everything is unchanged.
     */
    public static History fromCollection(List<InstanceState> original, List<InstanceState> current) {
        if (original == null) {
            return new History(List.of(), List.copyOf(current), List.of());
        }
        Set<InstanceState> orig = new LinkedHashSet<>(original);
        Set<InstanceState> cur = new LinkedHashSet<>(current);
        List<InstanceState> added = new ArrayList<>();
        List<InstanceState> unchanged = new ArrayList<>();
        List<InstanceState> deleted = new ArrayList<>();
        for (InstanceState s : current) {
            if (orig.contains(s)) {
                unchanged.add(s);
            } else {
                added.add(s);
            }
        }
        for (InstanceState s : original) {
            if (!cur.contains(s)) {
                deleted.add(s);
            }
        }
        return new History(added, unchanged, deleted);
    }
}
