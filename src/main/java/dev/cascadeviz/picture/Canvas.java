package dev.cascadeviz.picture;

import dev.cascadeviz.layout.Pt;
import java.util.List;

/** What a picture is drawn on: an SVG document or a java.awt image. Colours are "#rrggbb". */
interface Canvas {

    /** @param dash null for a solid stroke; {@code topOnly} rounds only the top corners (a card's header) */
    void box(double x, double y, double w, double h, double radius, boolean topOnly, String fill, String stroke,
             double strokeWidth, double[] dash);

    /** Text with its baseline at y, starting at x. */
    void text(double x, double y, String text, TextMetrics.Style style, String colour);

    void line(List<Pt> points, String colour, double width, double[] dash);

    void polygon(List<Pt> points, String colour);
}
