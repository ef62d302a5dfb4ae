package dev.cascadeviz.picture;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/**
 * Text widths for pictures, from java.awt's font metrics (they work headless: no display, no
 * JavaFX), with the window's fonts: DejaVu Sans and DejaVu Sans Mono at its 14 px base size.
 */
public final class TextMetrics {

    public static final double BASE = 14;

    /** The text styles of a picture, after the window's graph.css. */
    public enum Style {
        TITLE(true, false, 1.1), SUBTITLE(false, false, 0.9), COLUMN(false, true, 1.0), TYPE(false, false, 0.85),
        BADGE(true, false, 0.8), EDGE_NAME(true, false, 0.95), EDGE_CASCADE(false, true, 0.85), EDGE_RULE(false, false, 0.85);

        public final boolean bold;
        public final boolean mono;
        public final double em;

        Style(boolean bold, boolean mono, double em) {
            this.bold = bold;
            this.mono = mono;
            this.em = em;
        }

        public double size() {
            return BASE * em;
        }

        public String family() {
            return mono ? "DejaVu Sans Mono" : "DejaVu Sans";
        }

        public Font font() {
            return new Font(family(), bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size());
        }
    }

    private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), true, true);

    private TextMetrics() {
    }

    public static double width(String text, Style style) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return style.font().getStringBounds(text, CONTEXT).getWidth();
    }

    /** A line's height: the font size and a little leading, as a JavaFX Label lays it out. */
    public static double lineHeight(Style style) {
        return Math.ceil(style.size() * 1.3);
    }
}
