package dev.cascadeviz.picture;

import dev.cascadeviz.layout.Pt;
import dev.cascadeviz.layout.Rect;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A {@link ModelPicture} as a PNG, drawn with java.awt (headless: no display and no JavaFX
 * toolkit, so the command line and the window write the same picture, and tests can read it).
 */
public final class PngPicture implements Canvas {

    private final Graphics2D g;

    private PngPicture(Graphics2D g) {
        this.g = g;
    }

    /** @param scale pixels per drawing unit (2: presentation size, sharp on a projector) */
    public static BufferedImage image(ModelPicture picture, double scale) {
        Rect f = picture.frame();
        int w = (int) Math.ceil(f.width() * scale);
        int h = (int) Math.ceil(f.height() * scale);
        BufferedImage image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            g.translate(-f.x(), -f.y());
            picture.draw(new PngPicture(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(ModelPicture picture, double scale, OutputStream out) throws IOException {
        ImageIO.write(image(picture, scale), "png", out);
    }

    @Override
    public void box(double x, double y, double w, double h, double radius, boolean topOnly, String fill, String stroke,
                    double strokeWidth, double[] dash) {
        Shape shape;
        if (topOnly && radius > 0) {
            Path2D p = new Path2D.Double();
            p.moveTo(x, y + h);
            p.lineTo(x, y + radius);
            p.quadTo(x, y, x + radius, y);
            p.lineTo(x + w - radius, y);
            p.quadTo(x + w, y, x + w, y + radius);
            p.lineTo(x + w, y + h);
            p.closePath();
            shape = p;
        } else {
            shape = new RoundRectangle2D.Double(x, y, w, h, radius * 2, radius * 2);
        }
        if (fill != null) {
            g.setColor(Color.decode(fill));
            g.fill(shape);
        }
        if (stroke != null) {
            g.setColor(Color.decode(stroke));
            g.setStroke(stroke(strokeWidth, dash));
            g.draw(shape);
        }
    }

    @Override
    public void text(double x, double y, String text, TextMetrics.Style style, String colour) {
        g.setColor(Color.decode(colour));
        g.setFont(style.font());
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public void line(List<Pt> points, String colour, double width, double[] dash) {
        Path2D p = new Path2D.Double();
        p.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) {
            p.lineTo(points.get(i).x(), points.get(i).y());
        }
        g.setColor(Color.decode(colour));
        g.setStroke(stroke(width, dash));
        g.draw(p);
    }

    @Override
    public void polygon(List<Pt> points, String colour) {
        Path2D p = new Path2D.Double();
        p.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) {
            p.lineTo(points.get(i).x(), points.get(i).y());
        }
        p.closePath();
        g.setColor(Color.decode(colour));
        g.fill(p);
    }

    private static BasicStroke stroke(double width, double[] dash) {
        if (dash == null) {
            return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        float[] d = new float[dash.length];
        for (int i = 0; i < dash.length; i++) {
            d[i] = (float) dash[i];
        }
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, d, 0);
    }
}
