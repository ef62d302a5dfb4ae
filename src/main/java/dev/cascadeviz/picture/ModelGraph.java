package dev.cascadeviz.picture;

import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.layout.Diagram;
import dev.cascadeviz.layout.DiagramLayout;
import dev.cascadeviz.layout.FixedRouting;
import dev.cascadeviz.layout.LayeredLayout;
import dev.cascadeviz.layout.Pt;
import dev.cascadeviz.layout.Rect;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario as a graph to lay out, shared by the window and the pictures: a node per mapped
 * class, a node per association table, a link per relationship (a many-to-many as two links
 * through its association table, the label on the first). The sizes come from whoever draws:
 * the window measures its cards, a picture its text.
 */
public final class ModelGraph {

    /** Screen pixels per unit of the file's {@code layout}: cards and labels need room between saved positions. */
    public static final double LAYOUT_SCALE = 1.5;
    /** An association table sits this far below the lower of its two classes. */
    static final double ASSOCIATION_DROP = 90;
    private static final String TABLE = "table:";

    /** Sizes of what is drawn: {width, height}. */
    public interface Sizes {
        double[] node(String nodeId);

        double[] label(MappedEdge edge);
    }

    /**
     * One relationship as drawn.
     *
     * @param via the association table's node id, else null
     * @param secondLink the link from the association table to the target, else null
     */
    public record Edge(MappedEdge edge, String link, String via, String secondLink) {
    }

    private final Scenario scenario;
    private final List<String> classNodes = new ArrayList<>();
    private final Map<String, Set<String>> associationEnds = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private ModelGraph(Scenario scenario) {
        this.scenario = scenario;
        classNodes.addAll(scenario.classes().keySet());
        for (MappedEdge e : MappedEdge.all(scenario)) {
            if (!scenario.classes().containsKey(e.targetClass())) {
                edges.add(new Edge(e, e.qualifiedName(), null, null));
                continue;
            }
            if (e.direction() == Direction.MANY_TO_MANY && e.fkTable() != null && scenario.table(e.fkTable()) != null) {
                String via = TABLE + e.fkTable();
                Set<String> ends = associationEnds.computeIfAbsent(via, k -> new LinkedHashSet<>());
                ends.add(e.sourceClass());
                ends.add(e.targetClass());
                edges.add(new Edge(e, e.qualifiedName(), via, e.qualifiedName() + "~"));
            } else {
                edges.add(new Edge(e, e.qualifiedName(), null, null));
            }
        }
    }

    public static ModelGraph of(Scenario scenario) {
        return new ModelGraph(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<String> classNodes() {
        return List.copyOf(classNodes);
    }

    /** Node ids of the association tables drawn. */
    public List<String> tableNodes() {
        return List.copyOf(associationEnds.keySet());
    }

    public static boolean isTableNode(String id) {
        return id.startsWith(TABLE);
    }

    /** The table a node shows: its class's table or the association table. */
    public String tableOf(String nodeId) {
        if (isTableNode(nodeId)) {
            return nodeId.substring(TABLE.length());
        }
        MappedClass c = scenario.mappedClass(nodeId);
        return c == null ? null : c.table();
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public Diagram diagram(Sizes sizes) {
        List<Diagram.Box> boxes = new ArrayList<>();
        for (String id : classNodes) {
            double[] s = sizes.node(id);
            boxes.add(new Diagram.Box(id, s[0], s[1]));
        }
        for (String id : associationEnds.keySet()) {
            double[] s = sizes.node(id);
            boxes.add(new Diagram.Box(id, s[0], s[1]));
        }
        List<Diagram.Link> links = new ArrayList<>();
        for (Edge e : edges) {
            double[] l = sizes.label(e.edge());
            MappedEdge m = e.edge();
            if (!scenario.classes().containsKey(m.targetClass())) {
                continue;
            }
            if (e.via() != null) {
                links.add(new Diagram.Link(e.link(), m.sourceClass(), e.via(), false, l[0], l[1]));
                links.add(new Diagram.Link(e.secondLink(), e.via(), m.targetClass(), true, 0, 0));
            } else {
                links.add(new Diagram.Link(e.link(), m.sourceClass(), m.targetClass(),
                        m.direction() == Direction.MANY_TO_ONE, l[0], l[1]));
            }
        }
        return new Diagram(boxes, links);
    }

    /**
     * The drawing as the scenario asks for it: when the file places every class, there (an
     * association table below between its two classes) with routes and labels fitted around
     * them; otherwise the automatic layout, classes the file does place kept where it puts them.
     */
    public DiagramLayout layout(Diagram diagram) {
        Map<String, Point> saved = scenario.layout();
        boolean allPlaced = saved.keySet().containsAll(classNodes);
        if (!allPlaced && saved.isEmpty()) {
            return LayeredLayout.compute(diagram);
        }
        if (allPlaced && !classNodes.isEmpty()) {
            // a file saved after "Lay Out" keeps the automatic layout's routes and labels
            DiagramLayout auto = LayeredLayout.compute(diagram);
            if (matches(saved, auto)) {
                return auto;
            }
        }
        Map<String, Pt> positions = new LinkedHashMap<>();
        if (!allPlaced) {
            DiagramLayout auto = LayeredLayout.compute(diagram);
            double right = 0;
            for (String id : classNodes) {
                Point p = saved.get(id);
                Diagram.Box b = diagram.box(id);
                if (p != null && b != null) {
                    right = Math.max(right, p.x() * LAYOUT_SCALE + b.width());
                }
            }
            for (String id : classNodes) {
                Rect r = auto.nodes().get(id);
                if (!saved.containsKey(id) && r != null) {
                    positions.put(id, new Pt(right + 60 + r.x(), r.y()));
                }
            }
        }
        for (String id : classNodes) {
            Point p = saved.get(id);
            if (p != null) {
                positions.put(id, new Pt(p.x() * LAYOUT_SCALE, p.y() * LAYOUT_SCALE));
            }
        }
        placeAssociations(diagram, positions);
        return FixedRouting.route(diagram, positions);
    }

    /**
     * How far (pixels) a saved position may be from the automatic layout's and still count as
     * it: rounding to file units, and a card or label measured a pixel or two differently
     * (a state's border, a font hinted differently) move ELK's positions a little.
     */
    static final double MATCH = 4 * LAYOUT_SCALE;

    private boolean matches(Map<String, Point> saved, DiagramLayout auto) {
        for (String id : classNodes) {
            Rect r = auto.nodes().get(id);
            Point p = saved.get(id);
            if (r == null || p == null || Math.abs(p.x() * LAYOUT_SCALE - r.x()) > MATCH
                    || Math.abs(p.y() * LAYOUT_SCALE - r.y()) > MATCH) {
                return false;
            }
        }
        return true;
    }

    /** Puts each association table below between its classes, given where the classes are. */
    public void placeAssociations(Diagram diagram, Map<String, Pt> positions) {
        for (Map.Entry<String, Set<String>> t : associationEnds.entrySet()) {
            Diagram.Box box = diagram.box(t.getKey());
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (String end : t.getValue()) {
                Pt p = positions.get(end);
                Diagram.Box b = diagram.box(end);
                if (p == null || b == null) {
                    continue;
                }
                minX = Math.min(minX, p.x() + b.width() / 2);
                maxX = Math.max(maxX, p.x() + b.width() / 2);
                bottom = Math.max(bottom, p.y() + b.height());
            }
            if (box != null && bottom > -Double.MAX_VALUE) {
                positions.put(t.getKey(), new Pt((minX + maxX) / 2 - box.width() / 2, bottom + ASSOCIATION_DROP));
            }
        }
    }

    /** The file's {@code layout} for a drawing: each class's top-left corner, in file units. */
    public Map<String, Point> savedPositions(DiagramLayout layout) {
        Map<String, Point> out = new LinkedHashMap<>();
        for (String id : classNodes) {
            Rect r = layout.nodes().get(id);
            if (r != null) {
                out.put(id, new Point(Math.round(r.x() / LAYOUT_SCALE), Math.round(r.y() / LAYOUT_SCALE)));
            }
        }
        return out;
    }
}
