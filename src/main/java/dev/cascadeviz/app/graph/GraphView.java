package dev.cascadeviz.app.graph;

import dev.cascadeviz.app.compare.CompareLauncher;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.EdgeVariants;
import dev.cascadeviz.workbench.Edits;
import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.workbench.StatementTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The entity graph: a card per mapped class, an edge per relationship. Nodes can be dragged (an
 * undoable layout job), the view zoomed (ctrl+wheel, {@link #zoomIn()}, {@link #zoomOut()}),
 * panned (drag the background) and fitted to the window ({@link #fit()}).
 */
public final class GraphView extends Pane {

    private static final double MIN_SCALE = 0.25;
    private static final double MAX_SCALE = 3;
    /** Screen pixels per layout unit of the file: cards and edge labels need room between the saved positions. */
    static final double LAYOUT_SCALE = 1.5;

    private final WorkspaceModel model;
    private final Pane world = new Pane();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate();
    private final Pane edgeLayer = new Pane();
    private final Pane nodeLayer = new Pane();
    private final Map<String, ClassNodeView> classNodes = new LinkedHashMap<>();
    private final Map<String, ClassNodeView> tableNodes = new LinkedHashMap<>();
    private final List<EdgeView> edges = new ArrayList<>();
    private Point2D panStart;
    private boolean fitPending = true;
    private BiConsumer<MappedEdge, EdgeVariants.Variant> onCompare;

    /** What "Compare with…" in an edge's context menu does with the edge and the setting picked. */
    public void setOnCompare(BiConsumer<MappedEdge, EdgeVariants.Variant> action) {
        this.onCompare = action;
    }

    public GraphView(WorkspaceModel model) {
        this.model = model;
        getStyleClass().add(GraphStyles.GRAPH);
        setId("graph");
        world.getTransforms().addAll(translate, scale);
        world.setManaged(false);
        edgeLayer.setPickOnBounds(false);
        nodeLayer.setPickOnBounds(false);
        world.setPickOnBounds(false);
        world.getChildren().addAll(edgeLayer, nodeLayer);
        getChildren().add(world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        model.scenarioProperty().addListener((o, a, b) -> rebuild(b));
        model.selectionProperty().addListener((o, a, b) -> refreshStates());
        model.stepProperty().addListener((o, a, b) -> refreshStates());
        model.traceProperty().addListener((o, a, b) -> refreshStates());
        rebuild(model.getScenario());

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        setOnMousePressed(e -> {
            if (e.getTarget() == this) {
                panStart = new Point2D(e.getX() - translate.getX(), e.getY() - translate.getY());
                if (e.getButton() == MouseButton.PRIMARY) {
                    model.selectionProperty().set(Selection.NONE);
                }
            }
        });
        setOnMouseDragged(e -> {
            if (panStart != null) {
                translate.setX(e.getX() - panStart.getX());
                translate.setY(e.getY() - panStart.getY());
            }
        });
        setOnMouseReleased(e -> panStart = null);
        widthProperty().addListener((o, a, b) -> fitIfPending());
        heightProperty().addListener((o, a, b) -> fitIfPending());
    }

    // ------------------------------------------------------------------ building

    private void rebuild(Scenario scenario) {
        Scenario previous = classNodes.isEmpty() ? null : currentScenario;
        currentScenario = scenario;
        classNodes.clear();
        tableNodes.clear();
        edges.clear();
        nodeLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        if (scenario == null) {
            return;
        }
        Map<String, Point> positions = GraphLayout.positions(scenario);
        Set<String> mappedTables = new HashSet<>();
        for (MappedClass c : scenario.classes().values()) {
            mappedTables.add(c.table());
            ClassNodeView node = new ClassNodeView(c.name(), scenario.table(c.table()));
            Point p = positions.get(c.name());
            node.relocate(p.x() * LAYOUT_SCALE, p.y() * LAYOUT_SCALE);
            makeDraggable(node);
            classNodes.put(c.name(), node);
            nodeLayer.getChildren().add(node);
        }
        for (MappedEdge e : MappedEdge.all(scenario)) {
            if (e.direction() == Direction.MANY_TO_MANY && !tableNodes.containsKey(e.fkTable())) {
                Table t = scenario.table(e.fkTable());
                ClassNodeView node = new ClassNodeView(null, t);
                node.setMouseTransparent(true);
                tableNodes.put(e.fkTable(), node);
                nodeLayer.getChildren().add(0, node);
            }
            EdgeView view = new EdgeView(e);
            view.setOnMouseClicked(ev -> {
                model.selectionProperty().set(new Selection.Edge(e.sourceClass(), e.name()));
                ev.consume();
            });
            view.setOnContextMenuRequested(ev -> {
                model.selectionProperty().set(new Selection.Edge(e.sourceClass(), e.name()));
                if (onCompare != null) {
                    new ContextMenu(CompareLauncher.variantMenu(e,
                            v -> onCompare.accept(e, v))).show(view, ev.getScreenX(), ev.getScreenY());
                }
                ev.consume();
            });
            edges.add(view);
            edgeLayer.getChildren().add(view);
        }
        for (ClassNodeView n : nodeLayer.getChildren().stream().map(ClassNodeView.class::cast).toList()) {
            n.boundsInParentProperty().addListener((o, a, b) -> Platform.runLater(this::layoutEdges));
        }
        if (previous == null || !previous.classes().keySet().equals(scenario.classes().keySet())) {
            fitPending = true;
        }
        refreshStates();
        Platform.runLater(() -> {
            layoutEdges();
            fitIfPending();
        });
    }

    private Scenario currentScenario;

    private void makeDraggable(ClassNodeView node) {
        double[] start = new double[4];
        boolean[] moved = {false};
        node.setOnMousePressed(e -> {
            start[0] = e.getSceneX();
            start[1] = e.getSceneY();
            start[2] = node.getLayoutX();
            start[3] = node.getLayoutY();
            moved[0] = false;
            model.selectionProperty().set(new Selection.ClassNode(node.className()));
            e.consume();
        });
        node.setOnMouseDragged(e -> {
            double dx = (e.getSceneX() - start[0]) / scale.getX();
            double dy = (e.getSceneY() - start[1]) / scale.getY();
            if (Math.abs(dx) + Math.abs(dy) > 2) {
                moved[0] = true;
            }
            node.relocate(start[2] + dx, start[3] + dy);
            layoutEdges();
            e.consume();
        });
        node.setOnMouseReleased(e -> {
            if (moved[0]) {
                model.edit("Move " + node.className(), Edits.layout(shownPositions()));
            }
            e.consume();
        });
    }

    /** Where every class node is shown now, rounded to whole pixels, in file order. */
    public Map<String, Point> shownPositions() {
        Map<String, Point> out = new LinkedHashMap<>();
        classNodes.forEach((name, n) -> out.put(name,
                new Point(Math.round(n.getLayoutX() / LAYOUT_SCALE), Math.round(n.getLayoutY() / LAYOUT_SCALE))));
        return out;
    }

    // ------------------------------------------------------------------ geometry

    private void layoutEdges() {
        Map<String, Integer> pairCount = new HashMap<>();
        Map<String, Integer> pairIndex = new HashMap<>();
        for (EdgeView e : edges) {
            pairCount.merge(pairKey(e.edge()), 1, Integer::sum);
        }
        for (Map.Entry<String, ClassNodeView> t : tableNodes.entrySet()) {
            placeAssociation(t.getKey(), t.getValue());
        }
        for (EdgeView e : edges) {
            ClassNodeView from = classNodes.get(e.edge().sourceClass());
            ClassNodeView to = classNodes.get(e.edge().targetClass());
            if (from == null || to == null) {
                e.setVisible(false);
                continue;
            }
            String key = pairKey(e.edge());
            int i = pairIndex.merge(key, 1, Integer::sum) - 1;
            int n = pairCount.get(key);
            double offset = (i - (n - 1) / 2.0) * 130;
            if (!e.edge().sourceClass().equals(e.edge().targetClass())
                    && e.edge().sourceClass().compareTo(e.edge().targetClass()) > 0) {
                offset = -offset;
            }
            ClassNodeView via = e.throughAssociation() ? tableNodes.get(e.edge().fkTable()) : null;
            e.update(box(from), box(to), via == null ? null : box(via), offset, i);
        }
    }

    /** The card's own box, without its drop shadow (which bounds-in-parent would include). */
    private static Bounds box(ClassNodeView n) {
        return new BoundingBox(n.getLayoutX(), n.getLayoutY(), n.getWidth(), n.getHeight());
    }

    private void placeAssociation(String table, ClassNodeView node) {
        Set<ClassNodeView> distinct = new LinkedHashSet<>();
        for (EdgeView e : edges) {
            if (e.throughAssociation() && table.equals(e.edge().fkTable())) {
                distinct.add(classNodes.get(e.edge().sourceClass()));
                distinct.add(classNodes.get(e.edge().targetClass()));
            }
        }
        distinct.remove(null);
        List<ClassNodeView> ends = new ArrayList<>(distinct);
        if (ends.isEmpty()) {
            return;
        }
        Bounds a = box(ends.get(0));
        Bounds b = box(ends.get(ends.size() - 1));
        node.autosize();
        // below the two classes, so both many-to-many edges run down to it and up again with room for their labels
        double below = Math.max(a.getMaxY(), b.getMaxY()) + 90;
        node.relocate((a.getCenterX() + b.getCenterX()) / 2 - node.getWidth() / 2, below);
    }

    private static String pairKey(MappedEdge e) {
        String a = e.sourceClass();
        String b = e.targetClass();
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    // ------------------------------------------------------------------ states

    private void refreshStates() {
        Selection sel = model.selectionProperty().get();
        Set<String> touched = currentTables();
        Trace trace = model.getTrace();
        String refusal = trace != null && trace.error() != null && trace.error().step() == null ? trace.error().message() : null;
        for (ClassNodeView n : classNodes.values()) {
            n.pseudoClassStateChanged(GraphStyles.SELECTED,
                    sel instanceof Selection.ClassNode c && c.className().equals(n.className()));
            n.pseudoClassStateChanged(GraphStyles.CURRENT, touched.contains(n.tableName()));
        }
        for (ClassNodeView n : tableNodes.values()) {
            n.pseudoClassStateChanged(GraphStyles.CURRENT, touched.contains(n.tableName()));
        }
        for (EdgeView e : edges) {
            MappedEdge m = e.edge();
            boolean selected = sel instanceof Selection.Edge s
                    && s.className().equals(m.sourceClass()) && s.relationship().equals(m.name());
            e.pseudoClassStateChanged(GraphStyles.SELECTED, selected);
            boolean current = m.direction() != Direction.MANY_TO_ONE && m.fkTable() != null && touched.contains(m.fkTable());
            e.pseudoClassStateChanged(GraphStyles.CURRENT, current);
            e.pseudoClassStateChanged(GraphStyles.REFUSED, refusal != null && refusal.contains(m.qualifiedName()));
            if (selected || current) {
                e.toFront();
            }
        }
    }

    /** Tables the statement being stepped through touches; empty outside step-through. */
    private Set<String> currentTables() {
        Trace trace = model.getTrace();
        int step = model.getStep();
        if (trace == null || step <= 0 || step > trace.statements().size()) {
            return Set.of();
        }
        return StatementTables.touched(trace.statements().get(step - 1));
    }

    // ------------------------------------------------------------------ zoom, pan, fit

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        } else {
            translate.setX(translate.getX() + e.getDeltaX());
            translate.setY(translate.getY() + e.getDeltaY());
        }
        e.consume();
    }

    public double zoom() {
        return scale.getX();
    }

    public void zoomIn() {
        zoomAt(1.2, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / 1.2, getWidth() / 2, getHeight() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        double s = clamp(scale.getX() * factor, MIN_SCALE, MAX_SCALE);
        double wx = (x - translate.getX()) / scale.getX();
        double wy = (y - translate.getY()) / scale.getY();
        scale.setX(s);
        scale.setY(s);
        translate.setX(x - wx * s);
        translate.setY(y - wy * s);
    }

    private void fitIfPending() {
        if (fitPending && getWidth() > 0 && getHeight() > 0 && !classNodes.isEmpty()) {
            fit();
        }
    }

    /** Scales and moves the graph so every node and label fits the view. */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        world.applyCss();
        world.layout();
        layoutEdges();
        Bounds b = null;
        for (Node n : nodeLayer.getChildren()) {
            b = union(b, n.getBoundsInParent());
        }
        for (EdgeView e : edges) {
            if (e.isVisible()) {
                b = union(b, e.getBoundsInParent());
            }
        }
        if (b == null || b.getWidth() <= 0) {
            return;
        }
        fitPending = false;
        double pad = 24;
        double s = clamp(Math.min((getWidth() - 2 * pad) / b.getWidth(), (getHeight() - 2 * pad) / b.getHeight()), MIN_SCALE, 1.6);
        scale.setX(s);
        scale.setY(s);
        translate.setX((getWidth() - b.getWidth() * s) / 2 - b.getMinX() * s);
        translate.setY((getHeight() - b.getHeight() * s) / 2 - b.getMinY() * s);
    }

    private static Bounds union(Bounds a, Bounds b) {
        if (a == null) {
            return b;
        }
        double minX = Math.min(a.getMinX(), b.getMinX());
        double minY = Math.min(a.getMinY(), b.getMinY());
        double maxX = Math.max(a.getMaxX(), b.getMaxX());
        double maxY = Math.max(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    // ------------------------------------------------------------------ for tests and the window

    public ClassNodeView classNode(String className) {
        return classNodes.get(className);
    }

    public EdgeView edgeView(String className, String relationship) {
        for (EdgeView e : edges) {
            if (e.edge().sourceClass().equals(className) && e.edge().name().equals(relationship)) {
                return e;
            }
        }
        return null;
    }
}
