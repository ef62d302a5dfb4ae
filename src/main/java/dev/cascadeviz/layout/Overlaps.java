package dev.cascadeviz.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a drawing's labels cover that they should not: nodes, other labels, their own route. */
public final class Overlaps {

    private Overlaps() {
    }

    /** One sentence per problem; empty when every label is clear. */
    public static List<String> of(DiagramLayout layout) {
        List<String> out = new ArrayList<>();
        List<Map.Entry<String, Rect>> labels = new ArrayList<>(layout.labels().entrySet());
        for (int i = 0; i < labels.size(); i++) {
            Map.Entry<String, Rect> a = labels.get(i);
            for (Map.Entry<String, Rect> n : layout.nodes().entrySet()) {
                if (a.getValue().overlaps(n.getValue())) {
                    out.add("label of " + a.getKey() + " covers node " + n.getKey());
                }
            }
            for (int j = i + 1; j < labels.size(); j++) {
                Map.Entry<String, Rect> b = labels.get(j);
                if (a.getValue().overlaps(b.getValue())) {
                    out.add("label of " + a.getKey() + " covers label of " + b.getKey());
                }
            }
            List<Pt> own = layout.routes().get(a.getKey());
            if (own != null && a.getValue().crosses(own)) {
                out.add("label of " + a.getKey() + " covers its own edge");
            }
        }
        return out;
    }
}
