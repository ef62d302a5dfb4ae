package dev.cascadeviz.picture;

import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.layout.Diagram;
import dev.cascadeviz.layout.DiagramLayout;
import dev.cascadeviz.layout.Pt;
import dev.cascadeviz.layout.Rect;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.picture.PictureText.Badge;
import dev.cascadeviz.picture.PictureText.Card;
import dev.cascadeviz.picture.PictureText.ColumnLine;
import dev.cascadeviz.picture.PictureText.Label;
import dev.cascadeviz.picture.TextMetrics.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's graph as a picture, without JavaFX: the cards and labels measured with
 * {@link TextMetrics}, laid out as the window lays them out ({@link ModelGraph#layout}), drawn
 * on a {@link Canvas} with the window's light colours. {@link SvgPicture} and {@link PngPicture}
 * write it.
 */
public final class ModelPicture {

    static final double HEADER_V = 5;
    static final double HEADER_H = 10;
    static final double ROW_V = 2;
    static final double ROW_LEFT = 10;
    static final double ROW_RIGHT = 8;
    static final double GAP = 4;
    static final double BADGE_H = 4;
    static final double LABEL_V = 2;
    static final double LABEL_H = 6;

    private final ModelGraph graph;
    private final Map<String, Card> cards = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Map<String, ModelGraph.Edge> edgeByLink = new LinkedHashMap<>();
    private final Diagram diagram;
    private final DiagramLayout layout;

    private ModelPicture(Scenario scenario) {
        graph = ModelGraph.of(scenario);
        for (String id : graph.classNodes()) {
            MappedClass c = scenario.mappedClass(id);
            cards.put(id, PictureText.card(id, scenario.table(c.table())));
        }
        for (String id : graph.tableNodes()) {
            cards.put(id, PictureText.card(null, scenario.table(graph.tableOf(id))));
        }
        for (ModelGraph.Edge e : graph.edges()) {
            labels.put(e.link(), PictureText.label(e.edge()));
            edgeByLink.put(e.link(), e);
        }
        diagram = graph.diagram(new ModelGraph.Sizes() {
            @Override
            public double[] node(String nodeId) {
                return cardSize(cards.get(nodeId));
            }

            @Override
            public double[] label(MappedEdge edge) {
                return labelSize(labels.get(edge.qualifiedName()));
            }
        });
        layout = graph.layout(diagram);
    }

    public static ModelPicture of(Scenario scenario) {
        return new ModelPicture(scenario);
    }

    public Diagram diagram() {
        return diagram;
    }

    public DiagramLayout layout() {
        return layout;
    }

    /** The drawing's extent with a margin, at scale 1. */
    public Rect frame() {
        Rect b = layout.bounds();
        return b == null ? new Rect(0, 0, 200, 100) : b.grown(24);
    }

    // ------------------------------------------------------------------ sizes

    static double rowHeight() {
        return ROW_V * 2 + TextMetrics.lineHeight(Style.COLUMN);
    }

    static double headerHeight() {
        return HEADER_V * 2 + TextMetrics.lineHeight(Style.TITLE) + TextMetrics.lineHeight(Style.SUBTITLE);
    }

    static double[] cardSize(Card c) {
        double w = Math.max(TextMetrics.width(c.title(), Style.TITLE), TextMetrics.width(c.subtitle(), Style.SUBTITLE))
                + 2 * HEADER_H;
        for (ColumnLine l : c.columns()) {
            double row = ROW_LEFT + TextMetrics.width(l.name(), Style.COLUMN) + GAP + TextMetrics.width(l.type(), Style.TYPE);
            for (Badge b : l.badges()) {
                row += GAP + TextMetrics.width(b.text(), Style.BADGE) + 2 * BADGE_H;
            }
            w = Math.max(w, row + ROW_RIGHT);
        }
        w = Math.max(w, c.association() ? 150 : 190);
        return new double[] {Math.ceil(w + 3), Math.ceil(headerHeight() + c.columns().size() * rowHeight() + 3)};
    }

    static double[] labelSize(Label l) {
        double w = TextMetrics.width(l.name(), Style.EDGE_NAME);
        double h = TextMetrics.lineHeight(Style.EDGE_NAME);
        for (String line : l.cascade()) {
            w = Math.max(w, TextMetrics.width(line, Style.EDGE_CASCADE));
            h += TextMetrics.lineHeight(Style.EDGE_CASCADE);
        }
        if (l.rule() != null) {
            w = Math.max(w, TextMetrics.width(l.rule(), Style.EDGE_RULE));
            h += TextMetrics.lineHeight(Style.EDGE_RULE);
        }
        return new double[] {Math.ceil(w + 2 * LABEL_H + 2), Math.ceil(h + 2 * LABEL_V + 2)};
    }

    // ------------------------------------------------------------------ drawing

    static final String BACKGROUND = "#f6f8fa";
    static final String CARD = "#ffffff";
    static final String BORDER = "#d0d7de";
    static final String HEADER = "#ddf4ff";
    static final String HEADER_TABLE = "#eaeef2";
    static final String FG = "#1f2328";
    static final String MUTED = "#656d76";
    static final String DANGER = "#cf222e";
    static final String SUCCESS = "#1a7f37";

    void draw(Canvas canvas) {
        Rect f = frame();
        canvas.box(f.x(), f.y(), f.width(), f.height(), 0, false, BACKGROUND, null, 0, null);
        for (Map.Entry<String, List<Pt>> r : layout.routes().entrySet()) {
            drawRoute(canvas, r.getKey(), r.getValue());
        }
        for (Map.Entry<String, Rect> n : layout.nodes().entrySet()) {
            drawCard(canvas, cards.get(n.getKey()), n.getValue());
        }
        for (Map.Entry<String, Rect> l : layout.labels().entrySet()) {
            Label text = labels.get(l.getKey());
            if (text != null) {
                drawLabel(canvas, text, l.getValue());
            }
        }
    }

    private void drawRoute(Canvas canvas, String link, List<Pt> route) {
        if (route.size() < 2) {
            return;
        }
        boolean second = link.endsWith("~");
        Label text = labels.get(second ? link.substring(0, link.length() - 1) : link);
        boolean deletes = text != null && text.deleteCascade();
        String colour = deletes ? DANGER : MUTED;
        canvas.line(route, colour, deletes ? 4 : 1.5, deletes ? null : new double[] {7, 5});
        ModelGraph.Edge edge = edgeByLink.get(second ? link.substring(0, link.length() - 1) : link);
        boolean arrow = edge == null || edge.via() == null || second;
        if (arrow) {
            Pt tip = route.get(route.size() - 1);
            Pt from = route.get(route.size() - 2);
            double dx = tip.x() - from.x();
            double dy = tip.y() - from.y();
            double len = Math.max(0.001, Math.hypot(dx, dy));
            dx /= len;
            dy /= len;
            Pt base = new Pt(tip.x() - dx * 14, tip.y() - dy * 14);
            canvas.polygon(List.of(tip, new Pt(base.x() - dy * 7, base.y() + dx * 7), new Pt(base.x() + dy * 7, base.y() - dx * 7)),
                    colour);
        }
    }

    private static void drawCard(Canvas canvas, Card c, Rect r) {
        if (c == null) {
            return;
        }
        double[] dash = c.association() ? new double[] {6, 4} : null;
        canvas.box(r.x(), r.y(), r.width(), r.height(), 6, false, CARD, BORDER, 1.5, dash);
        canvas.box(r.x() + 0.75, r.y() + 0.75, r.width() - 1.5, headerHeight(), 6, true,
                c.association() ? HEADER_TABLE : HEADER, null, 0, null);
        double y = r.y() + HEADER_V + TextMetrics.lineHeight(Style.TITLE) * 0.8;
        canvas.text(r.x() + HEADER_H, y, c.title(), Style.TITLE, FG);
        y += TextMetrics.lineHeight(Style.SUBTITLE);
        canvas.text(r.x() + HEADER_H, y, c.subtitle(), Style.SUBTITLE, MUTED);
        double rowTop = r.y() + headerHeight() + 1.5;
        for (ColumnLine l : c.columns()) {
            double base = rowTop + ROW_V + TextMetrics.lineHeight(Style.COLUMN) * 0.78;
            double x = r.x() + ROW_LEFT;
            canvas.text(x, base, l.name(), Style.COLUMN, FG);
            x += TextMetrics.width(l.name(), Style.COLUMN) + GAP;
            canvas.text(x, base, l.type(), Style.TYPE, MUTED);
            double bx = r.maxX() - ROW_RIGHT;
            for (int i = l.badges().size() - 1; i >= 0; i--) {
                Badge b = l.badges().get(i);
                double bw = TextMetrics.width(b.text(), Style.BADGE) + 2 * BADGE_H;
                bx -= bw;
                String[] colours = switch (b.kind()) {
                    case PK -> new String[] {"#fff8c5", "#9a6700"};
                    case FK -> new String[] {HEADER, "#0969da"};
                    case NOT_NULL -> new String[] {"#ffebe9", "#d1242f"};
                };
                canvas.box(bx, rowTop + ROW_V + 1, bw, TextMetrics.lineHeight(Style.COLUMN) - 2, 3, false, colours[0], null, 0, null);
                canvas.text(bx + BADGE_H, base - 1, b.text(), Style.BADGE, colours[1]);
                bx -= GAP;
            }
            rowTop += rowHeight();
        }
    }

    private static void drawLabel(Canvas canvas, Label l, Rect r) {
        canvas.box(r.x(), r.y(), r.width(), r.height(), 4, false, CARD, BORDER, 1, null);
        double x = r.x() + LABEL_H + 1;
        double y = r.y() + LABEL_V + 1 + TextMetrics.lineHeight(Style.EDGE_NAME) * 0.78;
        canvas.text(x, y, l.name(), Style.EDGE_NAME, FG);
        for (String line : l.cascade()) {
            y += TextMetrics.lineHeight(Style.EDGE_CASCADE);
            canvas.text(x, y, line, Style.EDGE_CASCADE, l.deleteCascade() ? DANGER : FG);
        }
        if (l.rule() != null) {
            y += TextMetrics.lineHeight(Style.EDGE_RULE);
            canvas.text(x, y, l.rule(), Style.EDGE_RULE, l.ruleActs() ? SUCCESS : MUTED);
        }
    }
}
