package dev.cascadeviz.app.graph;

import dev.cascadeviz.layout.Pt;
import dev.cascadeviz.layout.Rect;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.picture.PictureText;
import dev.cascadeviz.workbench.MappedEdge;
import java.util.List;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;

/**
 * One relationship: a directed curve from its class to its target (through the association
 * table for a many-to-many), an arrowhead, and a label with its name, cascade, passive_deletes
 * and the foreign key's ON DELETE rule. Delete-cascade edges are drawn thick and solid, the rest
 * thin and dashed (graph.css).
 */
public final class EdgeView extends Group {

    private final MappedEdge edge;
    private final Path line = new Path();
    private final Path hit = new Path();
    private final Polygon arrow = new Polygon();
    private final VBox label = new VBox();

    public EdgeView(MappedEdge edge) {
        this.edge = edge;
        getStyleClass().add(GraphStyles.EDGE);
        setId("edge-" + edge.sourceClass() + "-" + edge.name());
        line.getStyleClass().add(GraphStyles.EDGE_LINE);
        hit.getStyleClass().add(GraphStyles.EDGE_HIT);
        arrow.getStyleClass().add(GraphStyles.EDGE_ARROW);
        label.getStyleClass().add(GraphStyles.EDGE_LABEL);
        PictureText.Label text = PictureText.label(edge);
        Label name = new Label(text.name());
        name.getStyleClass().add(GraphStyles.EDGE_NAME);
        label.getChildren().add(name);
        for (String line : text.cascade()) {
            Label cascadeLine = new Label(line);
            cascadeLine.getStyleClass().add(GraphStyles.EDGE_CASCADE);
            label.getChildren().add(cascadeLine);
        }
        // the tooltip is made when the pointer first comes over the label: making one per edge
        // with the cards was most of the edges' cost at open (some 35 ms of CPU for five)
        label.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                label.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(label, new Tooltip(tooltipText()));
            }
        });
        if (text.rule() != null) {
            Label rule = new Label(text.rule());
            rule.getStyleClass().add(GraphStyles.EDGE_RULE);
            rule.pseudoClassStateChanged(GraphStyles.DB_RULE, text.ruleActs());
            label.getChildren().add(rule);
        }
        pseudoClassStateChanged(GraphStyles.DELETE_CASCADE, text.deleteCascade());
        pseudoClassStateChanged(GraphStyles.PASSIVE, text.passive());
        line.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        getChildren().addAll(hit, line, arrow, label);
    }

    /** What the label's tooltip says: the relationship, its direction and its foreign key. */
    public String tooltipText() {
        return edge.qualifiedName() + " → " + edge.targetClass() + " (" + edge.directionLabel() + ")\n"
                + edge.foreignKeyLabel() + "\nClick to inspect and change it.";
    }

    public MappedEdge edge() {
        return edge;
    }

    public VBox label() {
        return label;
    }

    /**
     * Redraws along a route of the layout ({@code dev.cascadeviz.layout}): {@code second} is the
     * part from the association table to the target of a many-to-many, else null; the arrow is
     * at the end of the last part; {@code labelBox} is where the label goes (null: at the middle).
     */
    public void update(List<Pt> route, List<Pt> second, Rect labelBox) {
        line.getElements().clear();
        addPolyline(route);
        if (second != null && second.size() >= 2) {
            addPolyline(second);
        }
        hit.getElements().setAll(line.getElements());
        List<Pt> last = second != null && second.size() >= 2 ? second : route;
        Pt tip = last.get(last.size() - 1);
        Pt before = last.get(last.size() - 2);
        drawArrow(new Point2D(before.x(), before.y()), new Point2D(tip.x(), tip.y()));
        label.applyCss();
        label.autosize();
        if (labelBox != null) {
            label.relocate(labelBox.x(), labelBox.y());
        } else {
            Pt mid = route.get(route.size() / 2);
            label.relocate(mid.x() - label.getWidth() / 2, mid.y() - label.getHeight() / 2);
        }
    }

    private void addPolyline(List<Pt> points) {
        line.getElements().add(new MoveTo(points.get(0).x(), points.get(0).y()));
        for (int i = 1; i < points.size(); i++) {
            line.getElements().add(new LineTo(points.get(i).x(), points.get(i).y()));
        }
    }

    private void drawArrow(Point2D from, Point2D tip) {
        Point2D dir = tip.subtract(from);
        if (dir.magnitude() < 0.001) {
            dir = new Point2D(1, 0);
        }
        dir = dir.normalize();
        Point2D side = new Point2D(-dir.getY(), dir.getX());
        double len = 14;
        double half = 7;
        Point2D base = tip.subtract(dir.multiply(len));
        Point2D l = base.add(side.multiply(half));
        Point2D r = base.subtract(side.multiply(half));
        arrow.getPoints().setAll(tip.getX(), tip.getY(), l.getX(), l.getY(), r.getX(), r.getY());
    }

    /** True when the edge is a many-to-many drawn through its association table. */
    public boolean throughAssociation() {
        return edge.direction() == Direction.MANY_TO_MANY;
    }
}
