package dev.cascadeviz.app.graph;

import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.workbench.MappedEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * Where class nodes go when the file has no layout: parents left of their children, in columns
 * by longest path in the foreign-key graph (JGraphT), a many-to-many target two columns on so
 * the association table fits between; a column with more classes than about the square root of
 * the model's size wraps into several. Positions the file gives are kept.
 */
public final class GraphLayout {

    static final double COLUMN = 400;
    static final double ROW = 200;
    static final double MARGIN = 40;

    private GraphLayout() {
    }

    public static Map<String, Point> positions(Scenario scenario) {
        Map<String, Point> out = new LinkedHashMap<>();
        DirectedAcyclicGraph<String, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
        Map<DefaultEdge, Integer> weight = new HashMap<>();
        scenario.classes().keySet().forEach(graph::addVertex);
        for (MappedEdge e : MappedEdge.all(scenario)) {
            if (!graph.containsVertex(e.targetClass()) || e.sourceClass().equals(e.targetClass())) {
                continue;
            }
            String parent = e.direction() == Direction.MANY_TO_ONE ? e.targetClass() : e.sourceClass();
            String child = e.direction() == Direction.MANY_TO_ONE ? e.sourceClass() : e.targetClass();
            if (graph.containsEdge(parent, child) || graph.containsEdge(child, parent)) {
                continue;
            }
            try {
                DefaultEdge edge = graph.addEdge(parent, child);
                weight.put(edge, e.direction() == Direction.MANY_TO_MANY ? 2 : 1);
            } catch (IllegalArgumentException cycle) {
                // a cycle in the foreign keys: that edge does not shape the columns
            }
        }
        Map<String, Integer> column = new HashMap<>();
        for (String v : graph) {
            int c = 0;
            for (DefaultEdge in : graph.incomingEdgesOf(v)) {
                c = Math.max(c, column.get(graph.getEdgeSource(in)) + weight.get(in));
            }
            column.put(v, c);
        }
        Map<Integer, List<String>> byColumn = new HashMap<>();
        for (String name : scenario.classes().keySet()) {
            byColumn.computeIfAbsent(column.get(name), k -> new ArrayList<>()).add(name);
        }
        // A column taller than the model is wide wraps into several, so a large model (150
        // classes) comes out roughly as wide as tall instead of one very long column.
        int maxRows = Math.max(5, (int) Math.ceil(Math.sqrt(scenario.classes().size())));
        Map<Integer, Integer> firstSubColumn = new HashMap<>();
        int next = 0;
        int last = byColumn.keySet().stream().max(Integer::compare).orElse(0);
        for (int c = 0; c <= last; c++) {
            firstSubColumn.put(c, next);
            int size = byColumn.getOrDefault(c, List.of()).size();
            next += Math.max(1, (size + maxRows - 1) / maxRows);
        }
        for (String name : scenario.classes().keySet()) {
            Point given = scenario.layout().get(name);
            if (given != null) {
                out.put(name, given);
                continue;
            }
            int c = column.get(name);
            int index = byColumn.get(c).indexOf(name);
            int sub = firstSubColumn.get(c) + index / maxRows;
            int row = index % maxRows;
            out.put(name, new Point(MARGIN + sub * COLUMN, MARGIN + row * ROW));
        }
        return out;
    }
}
