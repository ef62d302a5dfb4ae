package dev.cascadeviz.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The automatic layout: the Eclipse Layout Kernel's layered algorithm, parents left of their
 * children, orthogonal routes, each label as its own slot in the layers beside its edge (so
 * labels keep off nodes and each other by construction). Any label ELK still leaves on
 * something (it happens on self-loops) is moved by {@link LabelPlacer}.
 */
public final class LayeredLayout {

    static final double NODE_SPACING = 50;
    static final double LAYER_SPACING = 90;
    static final double MARGIN = 40;

    static {
        // Outside Eclipse nothing registers ELK's option types (ElkReflect) and algorithms: its
        // metadata service does both when first asked for (providers found by ServiceLoader).
        LayoutMetaDataService.getInstance();
    }

    private LayeredLayout() {
    }

    public static DiagramLayout compute(Diagram diagram) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 24.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 14.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 24.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 14.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, LabelPlacer.GAP);
        root.setProperty(CoreOptions.SPACING_LABEL_LABEL, LabelPlacer.GAP + 2);
        root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, NODE_SPACING);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
        // the file's order of classes is the author's: keep it where crossings allow
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Diagram.Box b : diagram.nodes()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(b.id());
            n.setDimensions(b.width(), b.height());
            nodes.put(b.id(), n);
        }
        Map<String, ElkEdge> edges = new LinkedHashMap<>();
        Map<String, ElkLabel> labels = new LinkedHashMap<>();
        for (Diagram.Link l : diagram.links()) {
            ElkNode s = nodes.get(l.source());
            ElkNode t = nodes.get(l.target());
            if (s == null || t == null) {
                continue;
            }
            ElkEdge e = l.upstream() ? ElkGraphUtil.createSimpleEdge(t, s) : ElkGraphUtil.createSimpleEdge(s, t);
            edges.put(l.id(), e);
            if (l.hasLabel()) {
                ElkLabel label = ElkGraphUtil.createLabel(l.id(), e);
                label.setDimensions(l.labelWidth(), l.labelHeight());
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
                labels.put(l.id(), label);
            }
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        Map<String, Rect> boxes = new LinkedHashMap<>();
        nodes.forEach((id, n) -> boxes.put(id, new Rect(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
        Map<String, List<Pt>> routes = new LinkedHashMap<>();
        Map<String, Rect> given = new LinkedHashMap<>();
        for (Diagram.Link l : diagram.links()) {
            ElkEdge e = edges.get(l.id());
            if (e == null) {
                continue;
            }
            List<Pt> route = route(e);
            if (l.upstream()) {
                route = reversed(route);
            }
            routes.put(l.id(), route);
            ElkLabel label = labels.get(l.id());
            if (label != null) {
                given.put(l.id(), new Rect(label.getX(), label.getY(), label.getWidth(), label.getHeight()));
            }
        }
        return new DiagramLayout(boxes, routes, LabelPlacer.place(diagram, boxes, routes, given));
    }

    private static List<Pt> route(ElkEdge e) {
        List<Pt> out = new ArrayList<>();
        if (e.getSections().isEmpty()) {
            return out;
        }
        ElkEdgeSection s = e.getSections().get(0);
        out.add(new Pt(s.getStartX(), s.getStartY()));
        for (ElkBendPoint b : s.getBendPoints()) {
            out.add(new Pt(b.getX(), b.getY()));
        }
        out.add(new Pt(s.getEndX(), s.getEndY()));
        return out;
    }

    private static List<Pt> reversed(List<Pt> route) {
        List<Pt> r = new ArrayList<>(route);
        Collections.reverse(r);
        return r;
    }
}
