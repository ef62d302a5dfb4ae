package dev.cascadeviz.picture;

import dev.cascadeviz.layout.Pt;
import dev.cascadeviz.layout.Rect;
import java.util.List;
import java.util.Locale;

/** A {@link ModelPicture} as an SVG document: text stays text, so it can be searched and edited. */
public final class SvgPicture implements Canvas {

    private final StringBuilder out = new StringBuilder();

    private SvgPicture() {
    }

    /** @param scale the document's size over the drawing's (2: presentation size); the drawing itself is vector */
    public static String of(ModelPicture picture, double scale) {
        SvgPicture svg = new SvgPicture();
        Rect f = picture.frame();
        svg.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
                .append(" width=\"").append(num(f.width() * scale)).append("\" height=\"").append(num(f.height() * scale))
                .append("\" viewBox=\"").append(num(f.x())).append(' ').append(num(f.y())).append(' ')
                .append(num(f.width())).append(' ').append(num(f.height())).append("\">\n");
        picture.draw(svg);
        svg.out.append("</svg>\n");
        return svg.out.toString();
    }

    @Override
    public void box(double x, double y, double w, double h, double radius, boolean topOnly, String fill, String stroke,
                    double strokeWidth, double[] dash) {
        String paint = " fill=\"" + (fill == null ? "none" : fill) + "\""
                + (stroke == null ? "" : " stroke=\"" + stroke + "\" stroke-width=\"" + num(strokeWidth) + "\"")
                + dash(dash);
        if (topOnly && radius > 0) {
            double r = radius;
            out.append("  <path d=\"M").append(num(x)).append(',').append(num(y + h))
                    .append(" V").append(num(y + r)).append(" Q").append(num(x)).append(',').append(num(y)).append(' ')
                    .append(num(x + r)).append(',').append(num(y)).append(" H").append(num(x + w - r))
                    .append(" Q").append(num(x + w)).append(',').append(num(y)).append(' ').append(num(x + w)).append(',')
                    .append(num(y + r)).append(" V").append(num(y + h)).append(" Z\"").append(paint).append("/>\n");
            return;
        }
        out.append("  <rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append('"');
        if (radius > 0) {
            out.append(" rx=\"").append(num(radius)).append('"');
        }
        out.append(paint).append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, TextMetrics.Style style, String colour) {
        out.append("  <text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-family=\"")
                .append(style.family()).append(style.mono ? ", monospace" : ", sans-serif").append("\" font-size=\"")
                .append(num(style.size())).append('"');
        if (style.bold) {
            out.append(" font-weight=\"bold\"");
        }
        out.append(" fill=\"").append(colour).append("\" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void line(List<Pt> points, String colour, double width, double[] dash) {
        out.append("  <polyline points=\"");
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? "" : " ").append(num(points.get(i).x())).append(',').append(num(points.get(i).y()));
        }
        out.append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(num(width))
                .append("\" stroke-linejoin=\"round\"").append(dash(dash)).append("/>\n");
    }

    @Override
    public void polygon(List<Pt> points, String colour) {
        out.append("  <polygon points=\"");
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? "" : " ").append(num(points.get(i).x())).append(',').append(num(points.get(i).y()));
        }
        out.append("\" fill=\"").append(colour).append("\"/>\n");
    }

    private static String dash(double[] dash) {
        if (dash == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(" stroke-dasharray=\"");
        for (int i = 0; i < dash.length; i++) {
            b.append(i == 0 ? "" : " ").append(num(dash[i]));
        }
        return b.append('"').toString();
    }

    static String num(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
