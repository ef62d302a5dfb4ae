package dev.cascadeviz.app.graph;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.workbench.MappedEdge;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;

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
        Label name = new Label(edge.qualifiedName());
        name.getStyleClass().add(GraphStyles.EDGE_NAME);
        String cascade = edge.relationship().cascade() == null
                ? "cascade: default (" + edge.relationship().effectiveCascade() + ")"
                : "cascade: " + edge.relationship().cascade();
        PassiveDeletes pd = edge.relationship().effectivePassiveDeletes();
        if (pd != PassiveDeletes.FALSE) {
            cascade += "  ·  passive_deletes=" + pd.pythonLiteral();
        }
        Label cascadeLabel = new Label(cascade);
        cascadeLabel.getStyleClass().add(GraphStyles.EDGE_CASCADE);
        label.getChildren().addAll(name, cascadeLabel);
        Tooltip.install(label, new Tooltip(edge.qualifiedName() + " → "
                + edge.targetClass() + " (" + edge.directionLabel() + ")\n" + edge.foreignKeyLabel()
                + "\nClick to inspect and change it."));
        ReferentialAction ondelete = edge.foreignKey() == null ? null : edge.foreignKey().ondelete();
        if (edge.foreignKey() != null) {
            Label rule = new Label(ondelete == null
                    ? "DB: no ON DELETE rule"
                    : "DB: ON DELETE " + ondelete.sql());
            rule.getStyleClass().add(GraphStyles.EDGE_RULE);
            rule.pseudoClassStateChanged(GraphStyles.DB_RULE, ondelete != null && ondelete != ReferentialAction.NO_ACTION);
            label.getChildren().add(rule);
        }
        boolean deletes = edge.relationship().cascades(CascadeOption.DELETE);
        pseudoClassStateChanged(GraphStyles.DELETE_CASCADE, deletes);
        pseudoClassStateChanged(GraphStyles.PASSIVE, pd != PassiveDeletes.FALSE);
        line.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        getChildren().addAll(hit, line, arrow, label);
    }

    public MappedEdge edge() {
        return edge;
    }

    public VBox label() {
        return label;
    }

    /**
     * Redraws between two cards. {@code via} is the association table's card for a many-to-many,
     * else null; {@code offset} bends parallel edges apart; {@code index} numbers the edges
     * between the same two cards (it stacks self-loops).
     */
    public void update(Bounds from, Bounds to, Bounds via, double offset, int index) {
        line.getElements().clear();
        Point2D a = centre(from);
        Point2D b = centre(to);
        Point2D end;
        Point2D control;
        Point2D labelAt;
        if (from.equals(to)) {
            double right = from.getMaxX();
            double cy = from.getMinY() + 24 + index * 34;
            double reach = 70 + index * 40;
            Point2D start = new Point2D(right, cy);
            end = new Point2D(right, cy + 22);
            control = new Point2D(right + reach, cy + 40);
            line.getElements().addAll(new MoveTo(start.getX(), start.getY()),
                    new CubicCurveTo(right + reach, cy - 30, right + reach, cy + 52, end.getX(), end.getY()));
            label.applyCss();
            label.autosize();
            labelAt = new Point2D(right + reach + 18 + label.getWidth() / 2, from.getMinY() + index * 80 + label.getHeight() / 2);
        } else if (via != null) {
            Point2D v = centre(via);
            Point2D normal = normal(a, b).multiply(offset * 0.5);
            Point2D c1 = a.midpoint(v).add(normal);
            Point2D c2 = v.midpoint(b).add(normal);
            Point2D s = clip(from, a, c1);
            Point2D m1 = clip(via, v, c1);
            Point2D m2 = clip(via, v, c2);
            end = clip(to, b, c2);
            control = c2;
            line.getElements().addAll(new MoveTo(s.getX(), s.getY()),
                    new QuadCurveTo(c1.getX(), c1.getY(), m1.getX(), m1.getY()),
                    new MoveTo(m2.getX(), m2.getY()),
                    new QuadCurveTo(c2.getX(), c2.getY(), end.getX(), end.getY()));
            // nearer the association table than the class: the arrowheads at both classes stay uncovered
            labelAt = curvePoint(s, c1, m1, 0.62);
        } else {
            control = a.midpoint(b).add(normal(a, b).multiply(offset));
            Point2D s = clip(from, a, control);
            end = clip(to, b, control);
            line.getElements().addAll(new MoveTo(s.getX(), s.getY()),
                    new QuadCurveTo(control.getX(), control.getY(), end.getX(), end.getY()));
            labelAt = curvePoint(s, control, end);
        }
        hit.getElements().setAll(line.getElements());
        drawArrow(control, end);
        label.applyCss();
        label.autosize();
        label.relocate(labelAt.getX() - label.getWidth() / 2, labelAt.getY() - label.getHeight() / 2);
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

    private static Point2D centre(Bounds b) {
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    /** Unit normal of a→b, oriented by name order so edges both ways bend to different sides. */
    private static Point2D normal(Point2D a, Point2D b) {
        Point2D d = b.subtract(a);
        if (d.magnitude() < 0.001) {
            return new Point2D(0, 1);
        }
        d = d.normalize();
        return new Point2D(-d.getY(), d.getX());
    }

    private static Point2D curvePoint(Point2D s, Point2D c, Point2D e) {
        return curvePoint(s, c, e, 0.5);
    }

    private static Point2D curvePoint(Point2D s, Point2D c, Point2D e, double t) {
        return s.multiply((1 - t) * (1 - t)).add(c.multiply(2 * t * (1 - t))).add(e.multiply(t * t));
    }

    /** Where the segment from the card's centre towards {@code toward} leaves the card. */
    static Point2D clip(Bounds box, Point2D centre, Point2D toward) {
        Point2D d = toward.subtract(centre);
        if (d.magnitude() < 0.001) {
            return centre;
        }
        double hw = box.getWidth() / 2 + 2;
        double hh = box.getHeight() / 2 + 2;
        double tx = d.getX() == 0 ? Double.POSITIVE_INFINITY : hw / Math.abs(d.getX());
        double ty = d.getY() == 0 ? Double.POSITIVE_INFINITY : hh / Math.abs(d.getY());
        double t = Math.min(tx, ty);
        if (t >= 1) {
            return toward;
        }
        return centre.add(d.multiply(t));
    }

    /** True when the edge is a many-to-many drawn through its association table. */
    public boolean throughAssociation() {
        return edge.direction() == Direction.MANY_TO_MANY;
    }
}
