package dev.cascadeviz.orm.uow;

import dev.cascadeviz.orm.OrmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
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
     */
    static <T> Iterator<List<T>> sortAsSubsets(Set<List<T>> edges, List<T> items) {
        Graph<T, DefaultEdge> graph = graph(edges, items);
        List<T> todo = new ArrayList<>(items);
        Set<T> todoSet = new LinkedHashSet<>(items);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !todoSet.isEmpty();
            }

            @Override
            public List<T> next() {
                List<T> output = new ArrayList<>();
                for (T node : todo) {
                    boolean ready = true;
                    if (graph.containsVertex(node)) {
                        for (DefaultEdge e : graph.incomingEdgesOf(node)) {
                            if (todoSet.contains(graph.getEdgeSource(e))) {
                                ready = false;
                                break;
                            }
                        }
                    }
                    if (ready) {
                        output.add(node);
                    }
                }
                if (output.isEmpty()) {
                    throw new OrmException("CircularDependencyError",
                            "Circular dependency detected. " + todoSet);
                }
                output.forEach(todoSet::remove);
                todo.removeIf(t -> !todoSet.contains(t));
                return output;
            }
        };
    }

    /** {@code find_cycles}: every node that takes part in a cycle. */
    static <T> Set<T> findCycles(Set<List<T>> edges) {
        Graph<T, DefaultEdge> graph = graph(edges, List.of());
        return new LinkedHashSet<>(new CycleDetector<>(graph).findCycles());
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
