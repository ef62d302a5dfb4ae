package dev.cascadeviz.app.graph;

import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.picture.ModelGraph;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The graph's part of the empty window's warm-up: a sample scenario's cards and relationship
 * labels, made as {@link GraphView} makes them, styled, measured and drawn once in a scene of
 * their own that no one sees, then dropped. The first cards a JVM makes are cold code: their CSS
 * took some 20 ms for the first card alone at the 37,449-row benchmark's open into an empty window.
 */
final class GraphWarmUp {

    private GraphWarmUp() {
    }

    /** The pieces, each a pulse's worth of the JavaFX thread; the view gives the stylesheets and the root's style classes. */
    static List<Runnable> pieces(GraphView view, Scenario s) {
        List<Region> measured = new ArrayList<>();
        Pane[] root = new Pane[1];
        return List.of(() -> {
            ModelGraph graph = ModelGraph.of(s);
            Pane world = GraphView.world();
            for (MappedClass c : s.classes().values()) {
                ClassNodeView node = new ClassNodeView(c.name(), s.table(c.table()));
                world.getChildren().add(node);
                measured.add(node);
            }
            for (String id : graph.tableNodes()) {
                ClassNodeView node = new ClassNodeView(null, s.table(graph.tableOf(id)));
                world.getChildren().add(node);
                measured.add(node);
            }
            for (ModelGraph.Edge g : graph.edges()) {
                EdgeView edge = new EdgeView(g.edge());
                world.getChildren().add(edge);
                measured.add(edge.label());
            }
            Pane graphPane = new Pane(world);
            graphPane.getStyleClass().add(GraphStyles.GRAPH);
            root[0] = new Pane(graphPane);
            root[0].getStyleClass().addAll(view.getScene().getRoot().getStyleClass());
            Scene scene = new Scene(root[0], 800, 600);
            scene.getStylesheets().setAll(view.getScene().getStylesheets());
        }, () -> measured.forEach(r -> GraphView.size(r, true)), () -> root[0].snapshot(null, null));
    }
}
