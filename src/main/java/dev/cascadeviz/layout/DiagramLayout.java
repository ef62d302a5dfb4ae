package dev.cascadeviz.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of a {@link Diagram} goes: each node's box, each link's route (a polyline
 * from the source's border to the target's, in drawing direction) and each label's box.
 */
public record DiagramLayout(Map<String, Rect> nodes, Map<String, List<Pt>> routes, Map<String, Rect> labels) {

    public DiagramLayout {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        Map<String, List<Pt>> r = new LinkedHashMap<>();
        routes.forEach((k, v) -> r.put(k, List.copyOf(v)));
        routes = Collections.unmodifiableMap(r);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The box around every node, route and label; null for an empty diagram. */
    public Rect bounds() {
        Rect b = null;
        for (Rect r : nodes.values()) {
            b = b == null ? r : b.union(r);
        }
        for (Rect r : labels.values()) {
            b = b == null ? r : b.union(r);
        }
        for (List<Pt> route : routes.values()) {
            for (Pt p : route) {
                Rect r = new Rect(p.x(), p.y(), 0, 0);
                b = b == null ? r : b.union(r);
            }
        }
        return b;
    }

    /** The top-left corner of each node. */
    public Map<String, Pt> positions() {
        Map<String, Pt> out = new LinkedHashMap<>();
        nodes.forEach((id, r) -> out.put(id, new Pt(r.x(), r.y())));
        return out;
    }
}
