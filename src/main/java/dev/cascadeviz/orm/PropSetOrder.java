package dev.cascadeviz.orm;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The iteration order of each mapper's {@code Mapper._prop_set} in one run.
 *
 * <p>{@code loading._instance_processor} calls {@code create_row_processor} of a mapper's
 * relationship loaders in the iteration order of {@code mapper._prop_set}, a {@code frozenset}
 * of property objects. Their hash is their address, so the order is neither the declaration
 * order nor fixed by {@code PYTHONHASHSEED}: it follows from where CPython's allocator happened
 * to put the objects, and changes with unrelated allocations made earlier in the process (the
 * conformance README shows the measurement). It decides three things: the order of a mapper's
 * selectin / immediate loaders in its post load, whether the mapper's own post load or its
 * joined targets' post loads are registered first, and the per-row order of its joined and
 * subquery populators (which subquery load runs first). The frozenset is memoized per mapper,
 * so one run keeps one order per mapper.
 *
 * <p>The simulator runs with the declaration order ({@link #declared()}) unless told otherwise,
 * and records every mapper for which the order mattered (two or more such loaders on one
 * entity: {@link #consulted()}), so that a comparison with real SQLAlchemy can try every order
 * SQLAlchemy could have taken ({@link #alternatives}).
 *
 * <p>The unit of work iterates Python sets of the same kind: {@code UOWTransaction.mappers[mapper]}
 * (a mapper's states in the flush, hashed by address) in {@code Preprocess.execute} and
 * {@code ProcessAll._elements}, and {@code Session._flush}'s {@code new ∪ dirty} and
 * {@code deleted} sets, whose order decides which mapper registers (and so runs its
 * preprocessors) first. Those orders are kept here too, under keys of their own
 * ({@link #FLUSH_KEY_PREFIX}): {@link #arrangeSet} keeps the simulator's order unless told
 * otherwise and records what it was asked to order, so that the same search tries them.
 */
public final class PropSetOrder {

    /** Keys of the unit of work's set orders begin with this (the others are class names). */
    public static final String FLUSH_KEY_PREFIX = "flush:";

    private final Map<String, List<String>> chosen;
    private final Map<String, List<String>> consulted = new LinkedHashMap<>();

    /** An order per class: relationship names, first to last (missing classes: declaration order). */
    public PropSetOrder(Map<String, List<String>> chosen) {
        // in the caller's order, not Map.copyOf's, whose iteration order changes from JVM to JVM:
        // toString names the order in the judge's messages
        this.chosen = Collections.unmodifiableMap(new LinkedHashMap<>(chosen));
    }

    /** Every mapper's relationships in declaration order. */
    public static PropSetOrder declared() {
        return new PropSetOrder(Map.of());
    }

    /** The chosen order per class (empty: declaration order everywhere). */
    public Map<String, List<String>> chosen() {
        return chosen;
    }

    /**
     * {@code loaders} (in declaration order) in this run's {@code _prop_set} order for their
     * mapper; records the mapper as consulted when there are two or more.
     */
    List<RelProp> arrange(Mapper mapper, List<RelProp> loaders) {
        if (loaders.size() < 2) {
            return loaders;
        }
        List<String> seen = new ArrayList<>(consulted.getOrDefault(mapper.className(), List.of()));
        for (RelProp p : loaders) {
            if (!seen.contains(p.key())) {
                seen.add(p.key());
            }
        }
        List<RelProp> all = mapper.relationships();
        seen.sort(Comparator.comparingInt(k -> all.indexOf(mapper.relationship(k))));
        consulted.put(mapper.className(), List.copyOf(seen));
        List<String> order = chosen.get(mapper.className());
        if (order == null) {
            return loaders;
        }
        List<RelProp> out = new ArrayList<>(loaders);
        out.sort(Comparator.comparingInt(p -> {
            int at = order.indexOf(p.key());
            return at < 0 ? order.size() + all.indexOf(p) : at;
        }));
        return out;
    }

    /**
     * {@code items} in this run's order for the Python set {@code key} stands for: unchanged unless
     * an order was chosen for {@code key}, then sorted by it (stable; labels it does not list
     * keep their order, after those it does). Two or more distinct labels are recorded as
     * consulted, in the order first met.
     */
    public <T> List<T> arrangeSet(String key, List<T> items, Function<T, String> label) {
        if (items.size() < 2) {
            return items;
        }
        // sets, not lists: a flush of tens of thousands of objects asks for their labels once each
        List<String> itemLabels = new ArrayList<>(items.size());
        for (T item : items) {
            itemLabels.add(label.apply(item));
        }
        Set<String> labels = new LinkedHashSet<>(itemLabels);
        if (labels.size() < 2) {
            return items;
        }
        Set<String> seen = new LinkedHashSet<>(consulted.getOrDefault(key, List.of()));
        if (seen.addAll(labels) || !consulted.containsKey(key)) {
            consulted.put(key, List.copyOf(seen));
        }
        List<String> order = chosen.get(key);
        if (order == null) {
            return items;
        }
        Map<String, Integer> place = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            place.putIfAbsent(order.get(i), i);
        }
        List<Integer> byPlace = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            byPlace.add(i);
        }
        byPlace.sort(Comparator.comparingInt(i -> place.getOrDefault(itemLabels.get(i), order.size())));
        List<T> out = new ArrayList<>(items.size());
        for (int i : byPlace) {
            out.add(items.get(i));
        }
        return out;
    }

    /**
     * The classes whose order mattered in this run, each with the relationships it mattered for
     * (in declaration order), and the unit of work's sets ({@link #FLUSH_KEY_PREFIX}) with the
     * labels met in them.
     */
    public Map<String, List<String>> consulted() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(consulted));
    }

    /**
     * Every combination of orders of the consulted keys, one permutation per key, the
     * declaration order first, at most {@code limit} of them. Combinations are taken by the
     * sum of their permutations' ranks (each key's permutations in lexicographic order), so
     * that a limit cuts the far combinations of every key rather than all but the first
     * permutations of the first keys.
     */
    public static List<PropSetOrder> alternatives(Map<String, List<String>> consulted, int limit) {
        List<String> keys = new ArrayList<>(new TreeMap<>(consulted).keySet());
        List<List<List<String>>> perms = new ArrayList<>();
        int maxSum = 0;
        for (String k : keys) {
            List<List<String>> p = permutations(consulted.get(k), limit);
            perms.add(p);
            maxSum += p.size() - 1;
        }
        // the largest rank sum the keys from i on can make, to leave out sums they cannot reach
        int[] reach = new int[keys.size() + 1];
        for (int i = keys.size() - 1; i >= 0; i--) {
            reach[i] = reach[i + 1] + perms.get(i).size() - 1;
        }
        List<PropSetOrder> out = new ArrayList<>();
        int[] at = new int[keys.size()];
        for (int sum = 0; sum <= maxSum && out.size() < limit; sum++) {
            combinations(keys, perms, reach, at, 0, sum, out, limit);
        }
        return out;
    }

    /** Appends every combination whose ranks from {@code from} on add up to {@code rest}. */
    private static void combinations(List<String> keys, List<List<List<String>>> perms, int[] reach, int[] at, int from,
                                     int rest, List<PropSetOrder> out, int limit) {
        if (out.size() >= limit || rest > reach[from]) {
            return;
        }
        if (from == keys.size()) {
            if (rest == 0) {
                Map<String, List<String>> m = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    m.put(keys.get(i), perms.get(i).get(at[i]));
                }
                out.add(new PropSetOrder(m));
            }
            return;
        }
        int most = Math.min(rest, perms.get(from).size() - 1);
        for (int r = 0; r <= most; r++) {
            at[from] = r;
            combinations(keys, perms, reach, at, from + 1, rest - r, out, limit);
        }
    }

    private static List<List<String>> permutations(List<String> items, int limit) {
        List<List<String>> out = new ArrayList<>();
        permute(new ArrayList<>(), new ArrayList<>(items), out, limit);
        return out;
    }

    private static void permute(List<String> prefix, List<String> rest, List<List<String>> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (rest.isEmpty()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < rest.size(); i++) {
            String x = rest.remove(i);
            prefix.add(x);
            permute(prefix, rest, out, limit);
            prefix.remove(prefix.size() - 1);
            rest.add(i, x);
        }
    }

    /** A run under one order: its trace, the order, and whether the caller's test accepted it. */
    public record Found(Trace trace, PropSetOrder order, boolean accepted, int tried) {
    }

    /**
     * Runs the scenario in declaration order and, when {@code accept} refuses that trace, under
     * every other order SQLAlchemy could take for the mappers whose order mattered (at most
     * {@code limit} runs in all); returns the first accepted run, or the declaration-order run.
     */
    public static Found firstAccepted(Scenario scenario, Engine engine,
                                      Predicate<Trace> accept, int limit) {
        return firstAccepted(scenario, engine, accept, null, limit);
    }

    /**
     * The same, and when no order within the limits is accepted, one more search for scenarios
     * whose sets are too many or too large for the combinations within {@code limit}: from the
     * {@code _prop_set} orders' run that {@code closeness} rates highest, a hill climb that moves
     * one label of one set (a mapper's {@code _prop_set} or a flush set) to another place and keeps
     * the move when the trace comes nearer, at most {@code limit} more runs. Every run is still
     * one order SQLAlchemy could take; only which of them are tried changes.
     *
     * @param closeness how near a trace comes to the wanted one (higher is nearer), or null
     */
    public static Found firstAccepted(Scenario scenario, Engine engine, Predicate<Trace> accept,
                                      ToLongFunction<Trace> closeness, int limit) {
        PropSetOrder declared = declared();
        Trace first = new Simulator().run(scenario, engine, declared);
        if (accept.test(first)) {
            return new Found(first, declared, true, 1);
        }
        int tried = 1;
        // the mappers' _prop_set orders first (with the flush's sets as the simulator has them),
        // then every combination with the flush's set orders too, each search at most `limit` runs
        Map<String, List<String>> propSets = withoutFlushSets(declared.consulted());
        PropSetOrder nearest = declared;
        long nearestScore = closeness == null ? 0 : closeness.applyAsLong(first);
        Set<Map<String, List<String>>> seen = new HashSet<>();
        for (Map<String, List<String>> consulted : List.of(propSets, declared.consulted())) {
            int triedHere = 0;
            for (PropSetOrder o : alternatives(consulted, limit)) {
                if (o.chosen().isEmpty() || o.chosen().equals(consulted) || !seen.add(o.chosen())) {
                    continue;   // the simulator's own order, or one tried already
                }
                tried++;
                triedHere++;
                Trace t = new Simulator().run(scenario, engine, o);
                if (accept.test(t)) {
                    return new Found(t, o, true, tried);
                }
                if (closeness != null && consulted == propSets) {
                    long score = closeness.applyAsLong(t);
                    if (score > nearestScore) {
                        nearest = o;
                        nearestScore = score;
                    }
                }
                if (triedHere >= limit) {
                    break;
                }
            }
        }
        if (closeness == null) {
            return new Found(first, declared, false, tried);
        }
        // from the nearest of those: move one label of one set to another place, keeping a move
        // when the trace comes nearer, until no move does or `limit` more runs are spent
        PropSetOrder current = nearest;
        long currentScore = nearestScore;
        int budget = limit;
        boolean improved = true;
        while (improved && budget > 0) {
            improved = false;
            Map<String, List<String>> consulted = current.consulted();
            search:
            for (String key : new TreeMap<>(consulted).keySet()) {
                List<String> base = new ArrayList<>(current.chosen().getOrDefault(key, consulted.get(key)));
                for (String label : consulted.get(key)) {
                    if (!base.contains(label)) {
                        base.add(label);
                    }
                }
                for (int from = 0; from < base.size(); from++) {
                    for (int to = 0; to < base.size(); to++) {
                        if (to == from || to == from + 1) {
                            continue;   // the same order, or the one moving the next label back gives
                        }
                        List<String> moved = new ArrayList<>(base);
                        moved.add(to > from ? to - 1 : to, moved.remove(from));
                        Map<String, List<String>> chosen = new LinkedHashMap<>(current.chosen());
                        chosen.put(key, moved);
                        if (!seen.add(chosen)) {
                            continue;
                        }
                        PropSetOrder o = new PropSetOrder(chosen);
                        tried++;
                        budget--;
                        Trace t = new Simulator().run(scenario, engine, o);
                        if (accept.test(t)) {
                            return new Found(t, o, true, tried);
                        }
                        long score = closeness.applyAsLong(t);
                        if (score > currentScore) {
                            current = o;
                            currentScore = score;
                            improved = true;
                            break search;
                        }
                        if (budget == 0) {
                            break search;
                        }
                    }
                }
            }
        }
        return new Found(first, declared, false, tried);
    }

    private static Map<String, List<String>> withoutFlushSets(Map<String, List<String>> consulted) {
        Map<String, List<String>> out = new LinkedHashMap<>(consulted);
        out.keySet().removeIf(k -> k.startsWith(FLUSH_KEY_PREFIX));
        return out;
    }

    @Override
    public String toString() {
        return chosen.isEmpty() ? "declaration order" : chosen.toString();
    }
}
