package dev.cascadeviz.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each link's label beside its route: never on a node, never on another label, never on
 * its own route, and off other routes where there is a place for that. It tries points along
 * the route first (the middle, then further out, on either side), then circles outwards from
 * the route's middle until a free place is found, so a free place is always found.
 */
public final class LabelPlacer {

    /** Room kept between a label and the nodes, labels and route it keeps off. */
    static final double GAP = 6;
    private static final double[] ALONG = {0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85};

    private LabelPlacer() {
    }

    /**
     * Labels for every link that has one. A label in {@code given} (a layout library's choice)
     * is kept when it is free; the others are placed here, in link order.
     */
    public static Map<String, Rect> place(Diagram diagram, Map<String, Rect> nodes, Map<String, List<Pt>> routes,
                                          Map<String, Rect> given) {
        Map<String, Rect> placed = new LinkedHashMap<>();
        List<Diagram.Link> todo = new ArrayList<>();
        for (Diagram.Link link : diagram.links()) {
            if (!link.hasLabel()) {
                continue;
            }
            Rect g = given.get(link.id());
            List<Pt> route = routes.getOrDefault(link.id(), List.of());
            if (g != null && free(g, route, nodes.values(), placed.values())) {
                placed.put(link.id(), g);
            } else {
                todo.add(link);
            }
        }
        for (Diagram.Link link : todo) {
            List<Pt> route = routes.getOrDefault(link.id(), List.of());
            placed.put(link.id(), placeOne(link, route, nodes, routes, placed));
        }
        // keep link order, so equal inputs give equal maps
        Map<String, Rect> ordered = new LinkedHashMap<>();
        for (Diagram.Link link : diagram.links()) {
            if (placed.containsKey(link.id())) {
                ordered.put(link.id(), placed.get(link.id()));
            }
        }
        return ordered;
    }

    private static Rect placeOne(Diagram.Link link, List<Pt> route, Map<String, Rect> nodes,
                                 Map<String, List<Pt>> routes, Map<String, Rect> placed) {
        double w = link.labelWidth();
        double h = link.labelHeight();
        Rect best = null;
        int bestCost = Integer.MAX_VALUE;
        if (route.size() >= 2) {
            for (double f : ALONG) {
                Pt[] at = pointAt(route, f);
                Pt p = at[0];
                double dx = at[1].x();
                double dy = at[1].y();
                double nx = -dy;
                double ny = dx;
                double reach = Math.abs(nx) * w / 2 + Math.abs(ny) * h / 2 + GAP;
                for (int side : new int[] {1, -1}) {
                    Rect r = Rect.centredAt(p.x() + side * nx * reach, p.y() + side * ny * reach, w, h);
                    if (!free(r, route, nodes.values(), placed.values())) {
                        continue;
                    }
                    int cost = crossings(r, link.id(), routes);
                    if (cost == 0) {
                        return r;
                    }
                    if (cost < bestCost) {
                        best = r;
                        bestCost = cost;
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        Pt centre = route.size() >= 2 ? pointAt(route, 0.5)[0] : nodeCentre(link, nodes);
        for (double radius = 20; radius < 20000; radius += 14) {
            int steps = Math.max(12, (int) (radius / 8));
            for (int i = 0; i < steps; i++) {
                double a = 2 * Math.PI * i / steps;
                Rect r = Rect.centredAt(centre.x() + radius * Math.cos(a), centre.y() + radius * Math.sin(a), w, h);
                if (free(r, route, nodes.values(), placed.values())) {
                    return r;
                }
            }
        }
        // Unreachable for any real drawing: right of everything is always free.
        double right = 0;
        for (Rect r : nodes.values()) {
            right = Math.max(right, r.maxX());
        }
        for (Rect r : placed.values()) {
            right = Math.max(right, r.maxX());
        }
        return new Rect(right + 2 * GAP, centre.y(), w, h);
    }

    private static Pt nodeCentre(Diagram.Link link, Map<String, Rect> nodes) {
        Rect r = nodes.get(link.source());
        return r == null ? new Pt(0, 0) : new Pt(r.centreX(), r.centreY());
    }

    /** True when the label keeps its gap off every node and label and does not touch its own route. */
    static boolean free(Rect label, List<Pt> ownRoute, Iterable<Rect> nodes, Iterable<Rect> labels) {
        Rect padded = label.grown(GAP - 1);
        for (Rect n : nodes) {
            if (padded.overlaps(n)) {
                return false;
            }
        }
        for (Rect l : labels) {
            if (padded.overlaps(l)) {
                return false;
            }
        }
        return !label.grown(2).crosses(ownRoute);
    }

    private static int crossings(Rect label, String own, Map<String, List<Pt>> routes) {
        int n = 0;
        for (Map.Entry<String, List<Pt>> e : routes.entrySet()) {
            if (!e.getKey().equals(own) && label.grown(2).crosses(e.getValue())) {
                n++;
            }
        }
        return n;
    }

    /** The point at fraction {@code f} of the route's length, and the unit direction there. */
    static Pt[] pointAt(List<Pt> route, double f) {
        double total = 0;
        for (int i = 0; i + 1 < route.size(); i++) {
            total += route.get(i).distance(route.get(i + 1));
        }
        double want = total * f;
        for (int i = 0; i + 1 < route.size(); i++) {
            Pt a = route.get(i);
            Pt b = route.get(i + 1);
            double len = a.distance(b);
            if (len > 0 && (want <= len || i + 2 == route.size())) {
                double t = Math.min(1, want / len);
                return new Pt[] {new Pt(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t),
                        new Pt((b.x() - a.x()) / len, (b.y() - a.y()) / len)};
            }
            want -= len;
        }
        Pt a = route.get(0);
        return new Pt[] {a, new Pt(1, 0)};
    }
}
