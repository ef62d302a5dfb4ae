package dev.cascadeviz.app.graph;

import dev.cascadeviz.app.compare.CompareLauncher;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.layout.Diagram;
import dev.cascadeviz.layout.DiagramLayout;
import dev.cascadeviz.layout.FixedRouting;
import dev.cascadeviz.layout.LayeredLayout;
import dev.cascadeviz.layout.Pt;
import dev.cascadeviz.layout.Rect;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.picture.ModelGraph;
import dev.cascadeviz.threads.BackgroundThreads;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.CascadePaths;
import dev.cascadeviz.workbench.EdgeVariants;
import dev.cascadeviz.workbench.Edits;
import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.workbench.StatementTables;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.event.Event;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
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
    static final double LAYOUT_SCALE = ModelGraph.LAYOUT_SCALE;
    /**
     * The smallest zoom "fit" goes to: the window's 14 px text stays above 11 px. Below it, text
     * is a blur (issue 12 measured 7 px on a six-class model fitted to a 1920-pixel screen).
     */
    public static final double READABLE_SCALE = 0.8;
    /** The cards' text size at zoom 1 (the world's own style below). */
    public static final double CARD_TEXT_PX = 14;

    /** The smallest zoom "fit" goes to now: {@link #READABLE_SCALE}, or more for a larger text (presentation). */
    private double smallestFit = READABLE_SCALE;
    /** The height the last fit would show the whole graph in at the zoom its width allows; 0 before a fit. */
    private final ReadOnlyDoubleWrapper neededHeight = new ReadOnlyDoubleWrapper(this, "neededHeight", 0);

    private final WorkspaceModel model;
    private final Pane world = world();
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

    private GraphEditing editing;
    private final Line rubberBand = new Line();

    public GraphEditing editing() {
        return editing;
    }

    /** The model editor the graph reports editing gestures to (double-click, Shift-drag, context menus). */
    public void setEditing(GraphEditing editing) {
        this.editing = editing;
    }

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

        // a scenario opened is fitted; an edit (a class added, a column renamed) keeps the view where it is
        model.openedProperty().addListener((o, a, b) -> {
            fitPending = true;
            lastAuto = null;
        });
        // built on an event of its own, after the other views have taken the scenario: building and
        // styling the cards in the same event held the JavaFX thread the longest at open
        model.scenarioProperty().addListener((o, a, b) -> rebuildLater());
        model.selectionProperty().addListener((o, a, b) -> refreshStates());
        model.stepProperty().addListener((o, a, b) -> refreshStates());
        model.traceProperty().addListener((o, a, b) -> refreshStates());
        rebuild(model.getScenario());

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        setOnMousePressed(e -> {
            if (e.getTarget() == this) {
                requestFocus(); // the keys of the graph (Insert, F2) work after a click on the canvas too
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
        setOnMouseClicked(e -> {
            if (editing != null && e.getTarget() == this && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                double wx = (e.getX() - translate.getX()) / scale.getX();
                double wy = (e.getY() - translate.getY()) / scale.getY();
                editing.canvasDoubleClicked(new Point(Math.round(wx / LAYOUT_SCALE), Math.round(wy / LAYOUT_SCALE)));
            }
        });
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (editing != null && model.selectionProperty().get() instanceof Selection.ClassNode c) {
                switch (e.getCode()) {
                    case INSERT -> editing.addColumn(c.className());
                    case F2 -> editing.rename(c.className());
                    default -> {
                        return;
                    }
                }
                e.consume();
            }
        });
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        rubberBand.setStrokeWidth(2);
        rubberBand.getStrokeDashArray().setAll(6.0, 4.0);
        widthProperty().addListener((o, a, b) -> fitIfPending());
        heightProperty().addListener((o, a, b) -> fitIfPending());
    }

    /**
     * The pane the cards and edges live in. The cards keep the window's normal text size whatever
     * the root's (presentation mode's larger text): the layout measured at that size stays valid,
     * and the graph grows by zoom, fitted whole.
     */
    static Pane world() {
        Pane world = new Pane();
        world.setStyle("-fx-font-size: " + (int) CARD_TEXT_PX + "px;");
        return world;
    }

    /**
     * What readies the cards' code, off screen, with a sample scenario's cards while the window is
     * still empty (see {@code EmptyWindowWarmUp}): pieces of a pulse each.
     */
    public List<Runnable> warmUpPieces(Scenario sample) {
        return GraphWarmUp.pieces(this, sample);
    }

    // ------------------------------------------------------------------ building

    private boolean rebuildPending;

    /**
     * Rebuilds the cards once, behind what reaches the JavaFX thread meanwhile: the change that
     * asked for it updates the other views in its own event, then a waiting repaint or key goes
     * first. A big file's open took one 50-70 ms piece of the JavaFX thread for both; now two of
     * 20-35 ms (conformance/bench-window-run.sh).
     */
    private void rebuildLater() {
        if (!rebuildPending) {
            rebuildPending = true;
            Platform.runLater(() -> Platform.runLater(() -> {
                rebuildPending = false;
                if (model.getScenario() != currentScenario) {
                    rebuild(model.getScenario());
                }
            }));
        }
    }

    private void rebuild(Scenario scenario) {
        DiagramLayout previous = fitPending ? null : shown; // a scenario just opened: the old places mean nothing
        currentScenario = scenario;
        cancelLayout();
        classNodes.clear();
        tableNodes.clear();
        edges.clear();
        nodeLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        graph = null;
        diagram = null;
        shown = null;
        if (scenario == null) {
            return;
        }
        graph = ModelGraph.of(scenario);
        // each card and edge goes into the graph (and is styled) by one of these, in this order
        ArrayDeque<Runnable> attach = new ArrayDeque<>();
        for (MappedClass c : scenario.classes().values()) {
            ClassNodeView node = new ClassNodeView(c.name(), scenario.table(c.table()));
            makeDraggable(node);
            classNodes.put(c.name(), node);
            attach.add(() -> styled(nodeLayer, nodeLayer.getChildren().size(), node));
        }
        for (String id : graph.tableNodes()) {
            Table t = scenario.table(graph.tableOf(id));
            ClassNodeView node = new ClassNodeView(null, t);
            node.setMouseTransparent(true);
            tableNodes.put(id, node);
            attach.add(() -> styled(nodeLayer, 0, node));
        }
        for (ModelGraph.Edge g : graph.edges()) {
            MappedEdge e = g.edge();
            EdgeView view = new EdgeView(e);
            view.setOnMouseClicked(ev -> {
                model.selectionProperty().set(new Selection.Edge(e.sourceClass(), e.name()));
                ev.consume();
            });
            // the menu opens on the secondary button's press: headless and some platforms send no
            // context-menu event, and one gesture must not open two menus
            view.setOnContextMenuRequested(Event::consume);
            view.addEventHandler(MouseEvent.MOUSE_PRESSED, ev -> {
                if (ev.getButton() != MouseButton.SECONDARY) {
                    return;
                }
                model.selectionProperty().set(new Selection.Edge(e.sourceClass(), e.name()));
                ContextMenu menu = new ContextMenu();
                if (onCompare != null) {
                    menu.getItems().add(CompareLauncher.variantMenu(e, v -> onCompare.accept(e, v)));
                }
                if (editing != null) {
                    menu.getItems().addAll(editing.edgeMenu(e));
                }
                if (!menu.getItems().isEmpty()) {
                    menu.show(view, ev.getScreenX(), ev.getScreenY());
                }
                ev.consume();
            });
            edges.add(view);
            attach.add(() -> styled(edgeLayer, edgeLayer.getChildren().size(), view));
        }
        if (previous != null) {
            // an edit: the cards are shown where they were until the new layout comes in one step
            attach.forEach(Runnable::run);
            arrangeBuilt(scenario, previous);
        } else {
            // a scenario just opened shows nothing until it is laid out, so its cards can go in over
            // several events: styling a big model's cards in one (some 40 ms for the 37,449-row
            // benchmark's six cards and five labels) held the JavaFX thread longest at its open
            world.setVisible(false);
            layingOut = true;
            attachInSlices(scenario, attach);
        }
    }

    /**
     * The longest the JavaFX thread spends putting a just-opened scenario's cards in before it
     * lets a repaint or key through (at least one card or edge goes in per event; a test sets 0).
     */
    static long sliceNanos = 8_000_000L;

    /** Adds the node to the layer at the index and styles it: a pulse that comes next finds nothing of it left to style. */
    private static void styled(Pane layer, int index, Node node) {
        layer.getChildren().add(index, node);
        node.applyCss();
    }

    /** Puts cards in until a slice's time is up, then goes on in an event of its own; arranges them once all are in. */
    private void attachInSlices(Scenario scenario, ArrayDeque<Runnable> attach) {
        long end = System.nanoTime() + sliceNanos;
        boolean first = true; // at least one goes in per event
        while (!attach.isEmpty() && (first || System.nanoTime() < end)) {
            attach.poll().run();
            first = false;
        }
        if (attach.isEmpty()) {
            layingOut = false;
            arrangeBuilt(scenario, null);
        } else {
            Platform.runLater(() -> {
                if (currentScenario == scenario) { // else rebuilt since: the newer cards go in instead
                    attachInSlices(scenario, attach);
                }
            });
        }
    }

    /** Once the scenario's cards are all in the graph: shows them where they were (an edit) and lays them out. */
    private void arrangeBuilt(Scenario scenario, DiagramLayout previous) {
        // A card whose size changes (its text styled later) needs routes that meet it again. Only its
        // layout size counts: its visual bounds also move with its drop shadow and with children
        // settling over the next pulses, and rerouting on those replaced a laid-out graph's routes
        // by straight ones whenever the last such pulse came after the deferred arrange (under load).
        for (ClassNodeView n : classNodes.values()) {
            n.layoutBoundsProperty().addListener((o, a, b) -> scheduleRemeasure());
        }
        refreshStates();
        if (previous != null) {
            apply(previous);
        }
        // styled and measured here, in the graph's own event: measuring them on a later event let a
        // pulse style them together with the first table card (about 140 ms of the JavaFX thread's
        // CPU in one pulse at the benchmark's open, against some 70 ms here and 50 there)
        arrange();
        // the cards' sizes may settle on the first pulse (their text styled): laid out again only if they moved
        Platform.runLater(() -> {
            if (currentScenario == scenario) {
                arrange();
                fitIfPending();
            }
        });
    }

    private Scenario currentScenario;
    private ModelGraph graph;
    private Diagram diagram;
    private DiagramLayout shown;
    private boolean reroutePending;
    /** The last Lay Out's result and the file positions it gave: shown again while the file keeps them. */
    private DiagramLayout lastAuto;
    private Map<String, Point> lastAutoPositions;

    private void makeDraggable(ClassNodeView node) {
        double[] start = new double[4];
        boolean[] moved = {false};
        boolean[] connecting = {false};
        node.setOnMousePressed(e -> {
            start[0] = e.getSceneX();
            start[1] = e.getSceneY();
            start[2] = node.getLayoutX();
            start[3] = node.getLayoutY();
            moved[0] = false;
            connecting[0] = e.isShiftDown() && editing != null && e.getButton() == MouseButton.PRIMARY;
            requestFocus();
            model.selectionProperty().set(new Selection.ClassNode(node.className()));
            if (e.getButton() == MouseButton.SECONDARY) {
                showClassMenu(node, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        node.setOnMouseDragged(e -> {
            if (connecting[0]) {
                Point2D p = world.sceneToLocal(e.getSceneX(), e.getSceneY());
                if (!edgeLayer.getChildren().contains(rubberBand)) {
                    edgeLayer.getChildren().add(rubberBand);
                }
                rubberBand.setStartX(node.getLayoutX() + node.getWidth() / 2);
                rubberBand.setStartY(node.getLayoutY() + node.getHeight() / 2);
                rubberBand.setEndX(p.getX());
                rubberBand.setEndY(p.getY());
                rubberBand.setVisible(true);
                e.consume();
                return;
            }
            double dx = (e.getSceneX() - start[0]) / scale.getX();
            double dy = (e.getSceneY() - start[1]) / scale.getY();
            if (Math.abs(dx) + Math.abs(dy) > 2) {
                moved[0] = true;
            }
            node.relocate(start[2] + dx, start[3] + dy);
            reroute();
            e.consume();
        });
        node.setOnMouseReleased(e -> {
            if (connecting[0]) {
                connecting[0] = false;
                rubberBand.setVisible(false);
                edgeLayer.getChildren().remove(rubberBand);
                String target = classAt(e.getSceneX(), e.getSceneY());
                if (target != null) {
                    editing.connect(node.className(), target);
                }
                e.consume();
                return;
            }
            if (moved[0]) {
                model.edit("Move " + node.className(), Edits.layout(shownPositions()));
            }
            e.consume();
        });
        // the editing menu opens on the secondary button's press (a card consumes its presses
        // for dragging, and on some platforms no context-menu event follows)
        node.setOnContextMenuRequested(Event::consume);
    }

    private void showClassMenu(ClassNodeView node, double screenX, double screenY) {
        if (editing != null) {
            ContextMenu menu = new ContextMenu();
            menu.getItems().addAll(editing.classMenu(node.className()));
            menu.show(node, screenX, screenY);
        }
    }

    /** The class whose card is under a scene point, or null. */
    private String classAt(double sceneX, double sceneY) {
        for (Map.Entry<String, ClassNodeView> c : classNodes.entrySet()) {
            Point2D p = c.getValue().sceneToLocal(sceneX, sceneY);
            if (p != null && c.getValue().contains(p)) {
                return c.getKey();
            }
        }
        return null;
    }

    /** Where every class node is shown now, in the file's units, in file order. */
    public Map<String, Point> shownPositions() {
        Map<String, Point> out = new LinkedHashMap<>();
        classNodes.forEach((name, n) -> out.put(name, new Point(Math.round(n.getLayoutX() / LAYOUT_SCALE),
                Math.round(n.getLayoutY() / LAYOUT_SCALE))));
        return out;
    }

    // ------------------------------------------------------------------ geometry

    /**
     * Measures the cards and labels and lays the graph out as the scenario asks (ModelGraph#layout):
     * the layout (ELK's layered algorithm, pure Java on plain records) is worked out on a worker
     * thread and applied here in one step when it comes; the JavaFX thread only measures and
     * moves. Nothing is laid out again while the sizes are those of the layout shown or coming.
     */
    private void arrange() {
        if (graph == null) {
            return;
        }
        // new cards are styled to be measured; later ones were styled by the pulses since
        Diagram now = measure(diagram == null);
        if (diagram != null && sameSizes(diagram, now)) {
            return; // laid out (or being laid out) for these very sizes
        }
        diagram = now;
        if (lastAuto != null && currentScenario.layout().equals(lastAutoPositions) && fits(lastAuto, diagram)) {
            cancelLayout();
            apply(lastAuto); // what Lay Out computed, while the file still says where it put the cards
            return;
        }
        ModelGraph g = graph;
        Diagram d = diagram;
        layOutOffThread(() -> g.layout(d), this::apply);
    }

    /** The worker that works out layouts: one at a time, the newest wins. */
    private static final ExecutorService LAYOUTS = Executors.newSingleThreadExecutor(BackgroundThreads.named("cascadeviz-graph-layout"));
    /** Counts layouts asked for: an answer to an older question is dropped. */
    private long layoutRequest;
    /** True while a layout is being worked out off the JavaFX thread; the cards show their last place meanwhile. */
    private volatile boolean layingOut;

    /** Works {@code work} out on the layout worker, then hands its result to {@code then} on the JavaFX thread, unless asked again since. */
    private void layOutOffThread(Supplier<DiagramLayout> work, Consumer<DiagramLayout> then) {
        long request = ++layoutRequest;
        layingOut = true;
        LAYOUTS.submit(() -> {
            DiagramLayout result;
            try {
                result = layoutWork(work);
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> {
                    if (request == layoutRequest) {
                        layingOut = false;
                    }
                    throw e;
                });
                return;
            }
            Platform.runLater(() -> {
                if (request == layoutRequest) {
                    layingOut = false;
                    then.accept(result);
                    fitIfPending();
                }
            });
        });
    }

    /** Runs a layout on the worker (a test slows it down to see the window go on meanwhile). */
    static UnaryOperator<Supplier<DiagramLayout>> layoutWrapper = w -> w;

    private static DiagramLayout layoutWork(Supplier<DiagramLayout> work) {
        return layoutWrapper.apply(work).get();
    }

    private void cancelLayout() {
        layoutRequest++;
        layingOut = false;
    }

    public boolean isLayingOut() {
        return layingOut;
    }

    /** Same boxes and links, each within 2 px of the other's size. */
    private static boolean sameSizes(Diagram a, Diagram b) {
        if (a.nodes().size() != b.nodes().size() || a.links().size() != b.links().size()) {
            return false;
        }
        for (int i = 0; i < a.nodes().size(); i++) {
            Diagram.Box x = a.nodes().get(i);
            Diagram.Box y = b.nodes().get(i);
            if (!x.id().equals(y.id()) || Math.abs(x.width() - y.width()) > 2 || Math.abs(x.height() - y.height()) > 2) {
                return false;
            }
        }
        for (int i = 0; i < a.links().size(); i++) {
            Diagram.Link x = a.links().get(i);
            Diagram.Link y = b.links().get(i);
            if (!x.id().equals(y.id()) || !x.source().equals(y.source()) || !x.target().equals(y.target())
                    || x.upstream() != y.upstream() || Math.abs(x.labelWidth() - y.labelWidth()) > 2
                    || Math.abs(x.labelHeight() - y.labelHeight()) > 2) {
                return false;
            }
        }
        return true;
    }

    /** Same nodes and links, each box and label within 2 px of its size now. */
    private static boolean fits(DiagramLayout layout, Diagram diagram) {
        if (layout.nodes().size() != diagram.nodes().size()) {
            return false;
        }
        for (Diagram.Box b : diagram.nodes()) {
            Rect r = layout.nodes().get(b.id());
            if (r == null || Math.abs(r.width() - b.width()) > 2 || Math.abs(r.height() - b.height()) > 2) {
                return false;
            }
        }
        for (Diagram.Link l : diagram.links()) {
            if (!layout.routes().containsKey(l.id())) {
                return false;
            }
            Rect r = layout.labels().get(l.id());
            if (l.hasLabel() && (r == null || Math.abs(r.width() - l.labelWidth()) > 2
                    || Math.abs(r.height() - l.labelHeight()) > 2)) {
                return false;
            }
        }
        return layout.routes().size() == diagram.links().size();
    }

    /**
     * The Lay Out command: the automatic layered layout, as one undoable edit of the file's
     * layout; the window then shows ELK's own routes and label places.
     */
    public void layOut() {
        if (graph == null) {
            return;
        }
        diagram = measure(true);
        Diagram d = diagram;
        ModelGraph g = graph;
        layOutOffThread(() -> LayeredLayout.compute(d), auto -> {
            fitPending = true;
            lastAuto = auto;
            lastAutoPositions = g.savedPositions(auto);
            apply(auto);
            model.edit("Lay out the graph", Edits.layout(lastAutoPositions));
            arrange();
        });
    }

    /** @param style apply CSS to each card and label first (new ones); else they are as the last pulse styled them */
    private Diagram measure(boolean style) {
        Map<String, double[]> boxes = new HashMap<>();
        classNodes.forEach((id, n) -> boxes.put(id, size(n, style)));
        tableNodes.forEach((id, n) -> boxes.put(id, size(n, style)));
        Map<String, double[]> labels = new HashMap<>();
        for (EdgeView e : edges) {
            labels.put(e.edge().qualifiedName(), size(e.label(), style));
        }
        return graph.diagram(new ModelGraph.Sizes() {
            @Override
            public double[] node(String nodeId) {
                return boxes.getOrDefault(nodeId, new double[] {190, 80});
            }

            @Override
            public double[] label(MappedEdge edge) {
                return labels.getOrDefault(edge.qualifiedName(), new double[] {120, 40});
            }
        });
    }

    /**
     * A card's or label's size as laid out, without what its state adds: a selected or current
     * card's border is thicker, and the layout (and whether a saved layout is ELK's own) must not
     * depend on which card is selected. The border counts as 1.5 on every side.
     */
    static double[] size(Region r, boolean style) {
        if (style) {
            r.applyCss();
        }
        r.autosize();
        double w = r.getWidth() > 0 ? r.getWidth() : r.prefWidth(-1);
        double h = r.getHeight() > 0 ? r.getHeight() : r.prefHeight(w);
        Insets border = r.getBorder() == null ? Insets.EMPTY : r.getBorder().getInsets();
        w = w - border.getLeft() - border.getRight() + (border.getLeft() + border.getRight() > 0 ? 3 : 0);
        w = Math.max(w, r.getMinWidth()); // a card's CSS minimum width holds whatever its border
        h = h - border.getTop() - border.getBottom() + (border.getTop() + border.getBottom() > 0 ? 3 : 0);
        return new double[] {Math.ceil(w), Math.ceil(h)};
    }

    private void scheduleRemeasure() {
        if (!reroutePending) {
            reroutePending = true;
            Platform.runLater(() -> {
                reroutePending = false;
                remeasure();
            });
        }
    }

    /**
     * After a card's size changed: the shown routes stay while every card and label is still
     * within 2 px of the size they were laid out for (a selected card's thicker border does not
     * count, see {@link #size}); else the graph is routed again around the cards where they are.
     */
    private void remeasure() {
        if (graph == null || diagram == null) {
            return;
        }
        if (layingOut) {
            arrange(); // laid out again only if the sizes are no longer those being laid out
            return;
        }
        Diagram now = measure(false); // after a pulse: styled already
        if (shown != null && fits(shown, now)) {
            return;
        }
        diagram = now;
        reroute();
    }

    /** Routes and labels around the cards where they are now (a card being dragged). */
    private void reroute() {
        if (graph == null || diagram == null) {
            return;
        }
        Map<String, Pt> positions = new LinkedHashMap<>();
        classNodes.forEach((id, n) -> positions.put(id, new Pt(n.getLayoutX(), n.getLayoutY())));
        graph.placeAssociations(diagram, positions);
        apply(FixedRouting.route(diagram, positions));
    }

    private void apply(DiagramLayout layout) {
        shown = layout;
        world.setVisible(true);
        // a card the layout does not place (a class just added, its layout still being worked out) waits unseen
        BiConsumer<String, ClassNodeView> place = (id, n) -> {
            Rect r = layout.nodes().get(id);
            n.setVisible(r != null);
            if (r != null) {
                n.relocate(r.x(), r.y());
            }
        };
        classNodes.forEach(place);
        tableNodes.forEach(place);
        Map<String, ModelGraph.Edge> byName = new HashMap<>();
        for (ModelGraph.Edge g : graph.edges()) {
            byName.put(g.edge().qualifiedName(), g);
        }
        for (EdgeView e : edges) {
            ModelGraph.Edge g = byName.get(e.edge().qualifiedName());
            List<Pt> route = g == null ? null : layout.routes().get(g.link());
            if (route == null || route.size() < 2) {
                e.setVisible(false);
                continue;
            }
            e.setVisible(true);
            List<Pt> second = g.secondLink() == null ? null : layout.routes().get(g.secondLink());
            e.update(route, second, layout.labels().get(g.link()));
        }
    }

    /** The cards' and labels' sizes the layout shown was worked out for (tests). */
    Diagram measured() {
        return diagram;
    }

    /** What the view shows now: boxes, routes and labels (for tests and pictures). */
    public DiagramLayout shownLayout() {
        return shown;
    }

    // ------------------------------------------------------------------ states

    private void refreshStates() {
        Selection sel = model.selectionProperty().get();
        Set<String> touched = currentTables();
        Set<String> travelled = CascadePaths.travelled(model.getTrace(), model.getStep());
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
            boolean along = travelled.contains(m.qualifiedName());
            e.pseudoClassStateChanged(GraphStyles.TRAVELLED, along);
            current |= along;
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
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            if (classNodes.isEmpty()) {
                // an empty canvas: 100 %, the origin at the top left, where the first class goes
                fitPending = false;
                scale.setX(1);
                scale.setY(1);
                translate.setX(0);
                translate.setY(0);
            } else {
                fit();
            }
        }
    }

    /**
     * Scales and moves the graph so every node and label fits the view, but never below a
     * readable size: a model too large for that is shown from its start (its top-left, where the
     * layout puts the parents) at the readable size, the rest a pan or zoom away.
     */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        if (layingOut) {
            fitPending = true; // fitted when the layout comes
            return;
        }
        Rect b = shown == null ? null : shown.bounds(); // the layout's own boxes: no CSS or layout pass needed
        if (b == null || b.width() <= 0) {
            return;
        }
        fitPending = false;
        double pad = 24;
        double whole = Math.min((getWidth() - 2 * pad) / b.width(), (getHeight() - 2 * pad) / b.height());
        double largest = Math.max(1.6, smallestFit);
        double s = clamp(whole, smallestFit, largest);
        scale.setX(s);
        scale.setY(s);
        double byWidth = clamp((getWidth() - 2 * pad) / b.width(), smallestFit, largest);
        neededHeight.set(b.height() * byWidth + 2 * pad);
        if (whole >= smallestFit) {
            translate.setX((getWidth() - b.width() * s) / 2 - b.x() * s);
            translate.setY((getHeight() - b.height() * s) / 2 - b.y() * s);
        } else {
            translate.setX(pad - b.x() * s);
            translate.setY(pad - b.y() * s);
        }
    }

    /**
     * The text size the room reads at the least (presentation's text size; 0 for the window's usual
     * reading distance): "fit" then never zooms the cards' text below about four fifths of it.
     */
    public void setReadableTextSize(double px) {
        smallestFit = Math.max(READABLE_SCALE, READABLE_SCALE * px / CARD_TEXT_PX);
    }

    public double smallestFit() {
        return smallestFit;
    }

    /**
     * The height in which the last fit would show the whole graph at the zoom its width allows (a
     * wide model needs less than it has: the panes around may take the rest); 0 before a fit.
     */
    public ReadOnlyDoubleProperty neededHeightProperty() {
        return neededHeight.getReadOnlyProperty();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    // ------------------------------------------------------------------ for tests and the window

    /** The layer of the edges and that of the cards (tests). */
    List<Pane> layers() {
        return List.of(edgeLayer, nodeLayer);
    }

    /** The edges, then the cards, as their layers hold them now, back to front (tests). */
    List<Node> layered() {
        List<Node> all = new ArrayList<>(edgeLayer.getChildren());
        all.addAll(nodeLayer.getChildren());
        return all;
    }

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
