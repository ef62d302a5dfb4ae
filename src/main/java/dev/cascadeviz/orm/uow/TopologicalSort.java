package dev.cascadeviz.orm.uow;

import dev.cascadeviz.orm.OrmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * SQLAlchemy's {@code util.topological}: a layered sort that keeps the given item order inside
 * each layer (which is what makes the statement order SQLAlchemy's), and cycle detection.
 * The graph and the cycle detection are JGraphT's.
 */
final class TopologicalSort {

    private TopologicalSort() {
    }

    /**
     * {@code sort_as_subsets}: repeatedly take, in item order, every item whose predecessors are
     * done. Lazy like SQLAlchemy's generator, so the layers before a cycle run before the
     * CircularDependencyError is raised.
     *
     * <p>The layers are SQLAlchemy's, found without its rescan of every remaining item per layer
     * (quadratic for a chain 10,000 levels deep): each item counts the edges from items still to
     * do, and a layer's items lower the counts of their successors; the items whose count reaches
     * zero make the next layer, in item order.
     */
    static <T> Iterator<List<T>> sortAsSubsets(Set<List<T>> edges, List<T> items) {
        Map<T, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            firstIndex.putIfAbsent(items.get(i), i);
        }
        Map<T, List<T>> successors = new HashMap<>();
        Map<T, Integer> blocking = new HashMap<>();
        for (List<T> e : edges) {
            T a = e.get(0);
            T b = e.get(1);
            if (a == null || b == null || !firstIndex.containsKey(a) || !firstIndex.containsKey(b)) {
                continue; // an item that is not to be done never holds another back
            }
            successors.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            blocking.merge(b, 1, Integer::sum);
        }
        // How often each item is listed (a repeated item is output as often, as SQLAlchemy's list does).
        Map<T, Integer> times = new HashMap<>();
        for (T item : items) {
            times.merge(item, 1, Integer::sum);
        }
        List<T> firstLayer = new ArrayList<>();
        for (T item : firstIndex.keySet()) {
            if (!blocking.containsKey(item)) {
                firstLayer.add(item);
            }
        }
        Set<T> todoSet = new LinkedHashSet<>(items);
        return new Iterator<>() {
            private List<T> ready = firstLayer;

            @Override
            public boolean hasNext() {
                return !todoSet.isEmpty();
            }

            @Override
            public List<T> next() {
                if (todoSet.isEmpty()) {
                    throw new NoSuchElementException();
                }
                if (ready.isEmpty()) {
                    throw new OrmException("CircularDependencyError",
                            "Circular dependency detected. " + todoSet);
                }
                ready.sort(Comparator.comparingInt(firstIndex::get));
                List<T> output = new ArrayList<>();
                List<T> nextLayer = new ArrayList<>();
                for (T node : ready) {
                    for (int i = times.get(node); i > 0; i--) {
                        output.add(node);
                    }
                    todoSet.remove(node);
                }
                for (T node : ready) {
                    for (T succ : successors.getOrDefault(node, List.of())) {
                        if (blocking.merge(succ, -1, Integer::sum) == 0) {
                            nextLayer.add(succ);
                        }
                    }
                }
                ready = nextLayer;
                return output;
            }
        };
    }

    /**
     * {@code find_cycles(tuples, allitems)}: every node that takes part in a cycle, in the order of
     * {@code items} (nodes only the edges name after them). SQLAlchemy returns a Python set, whose
     * order follows the actions' addresses; the caller turns each node into its per-state actions
     * in this order, which decides the order of actions with equal sort keys, so it must not
     * follow JGraphT's own set, which is ordered by Java identity hashes and so changed from run
     * to run in one JVM.
     */
    static <T> Set<T> findCycles(Set<List<T>> edges, List<T> items) {
        Graph<T, DefaultEdge> graph = graph(edges, items);
        Set<T> found = new CycleDetector<>(graph).findCycles();
        Set<T> out = new LinkedHashSet<>();
        for (T node : items) {
            if (found.contains(node)) {
                out.add(node);
            }
        }
        for (List<T> e : edges) {
            for (T node : e) {
                if (node != null && found.contains(node)) {
                    out.add(node);
                }
            }
        }
        return out;
    }

    private static <T> Graph<T, DefaultEdge> graph(Set<List<T>> edges, List<T> items) {
        Graph<T, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
        items.forEach(graph::addVertex);
        for (List<T> e : edges) {
            T a = e.get(0);
            T b = e.get(1);
            if (a == null || b == null) {
                continue;
            }
            graph.addVertex(a);
            graph.addVertex(b);
            graph.addEdge(a, b);
        }
        return graph;
    }
}
