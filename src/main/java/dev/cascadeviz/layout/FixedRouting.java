package dev.cascadeviz.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes and labels for nodes that stay where the user put them (the file's layout, a dragged
 * card): straight links from border to border, parallel links between the same two nodes bent
 * apart, a link from a node to itself as a loop on its right; labels by {@link LabelPlacer}.
 */
public final class FixedRouting {

    static final double PARALLEL = 34;

    private FixedRouting() {
    }

    /** @param positions the top-left corner of every node of the diagram */
    public static DiagramLayout route(Diagram diagram, Map<String, Pt> positions) {
        Map<String, Rect> nodes = new LinkedHashMap<>();
        for (Diagram.Box b : diagram.nodes()) {
            Pt p = positions.getOrDefault(b.id(), new Pt(0, 0));
            nodes.put(b.id(), new Rect(p.x(), p.y(), b.width(), b.height()));
        }
        Map<String, Integer> count = new HashMap<>();
        for (Diagram.Link l : diagram.links()) {
            count.merge(pairKey(l), 1, Integer::sum);
        }
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Pt>> routes = new LinkedHashMap<>();
        for (Diagram.Link l : diagram.links()) {
            Rect from = nodes.get(l.source());
            Rect to = nodes.get(l.target());
            if (from == null || to == null) {
                continue;
            }
            int i = index.merge(pairKey(l), 1, Integer::sum) - 1;
            if (l.source().equals(l.target())) {
                routes.put(l.id(), loop(from, i));
            } else {
                double offset = (i - (count.get(pairKey(l)) - 1) / 2.0) * PARALLEL;
                routes.put(l.id(), straight(from, to, offset, l.source().compareTo(l.target()) > 0));
            }
        }
        return new DiagramLayout(nodes, routes, LabelPlacer.place(diagram, nodes, routes, Map.of()));
    }

    private static List<Pt> loop(Rect box, int i) {
        double x = box.maxX();
        double y1 = box.y() + 12 + i * 24;
        double y2 = y1 + 14;
        double reach = 28 + i * 16;
        return List.of(new Pt(x, y1), new Pt(x + reach, y1), new Pt(x + reach, y2), new Pt(x, y2));
    }

    private static List<Pt> straight(Rect from, Rect to, double offset, boolean flip) {
        Pt a = new Pt(from.centreX(), from.centreY());
        Pt b = new Pt(to.centreX(), to.centreY());
        if (offset == 0) {
            return List.of(clip(from, a, b), clip(to, b, a));
        }
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len = Math.max(0.001, Math.hypot(dx, dy));
        double sign = flip ? -1 : 1;
        Pt mid = new Pt((a.x() + b.x()) / 2 - dy / len * offset * sign, (a.y() + b.y()) / 2 + dx / len * offset * sign);
        List<Pt> out = new ArrayList<>();
        out.add(clip(from, a, mid));
        out.add(mid);
        out.add(clip(to, b, mid));
        return out;
    }

    /** Where the segment from the box's centre towards {@code toward} leaves the box. */
    static Pt clip(Rect box, Pt centre, Pt toward) {
        double dx = toward.x() - centre.x();
        double dy = toward.y() - centre.y();
        if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) {
            return centre;
        }
        double tx = dx == 0 ? Double.POSITIVE_INFINITY : (box.width() / 2) / Math.abs(dx);
        double ty = dy == 0 ? Double.POSITIVE_INFINITY : (box.height() / 2) / Math.abs(dy);
        double t = Math.min(1, Math.min(tx, ty));
        return new Pt(centre.x() + dx * t, centre.y() + dy * t);
    }

    private static String pairKey(Diagram.Link l) {
        return l.source().compareTo(l.target()) <= 0 ? l.source() + "|" + l.target() : l.target() + "|" + l.source();
    }
}
