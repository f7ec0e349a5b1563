package org.callsign.benchmarks.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A line chart written as PNG with {@code java.awt} alone (headless), so that the benchmarks need no plotting tool:
 * a title, a caption line under it (the machine, JDK and flags belong with every figure), one line with markers per
 * series, a legend, a linear x axis from zero and a linear or logarithmic y axis. Points whose y is not a positive
 * finite number are left out (on a log axis) or not drawn (NaN).
 */
public final class LineChart {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0xff7f0e),
        new Color(0x7f7f7f)
    };

    /** The palette's grey, for a reference line. */
    public static final int GREY = 5;

    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 64;
    private static final int BOTTOM = 56;

    /** One line: its points, in the order given. */
    private record Series(String name, Color color, boolean dashed, double[] x, double[] y) {}

    private final String title;
    private final String caption;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    /**
     * @param logY a logarithmic y axis (latencies over several decades)
     */
    public LineChart(String title, String caption, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.caption = caption;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    /** Adds a line; {@code colour} is an index into a fixed palette, so that one relay keeps its colour across charts. */
    public LineChart series(String name, int colour, boolean dashed, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
        }
        series.add(new Series(name, PALETTE[colour % PALETTE.length], dashed, x.clone(), y.clone()));
        return this;
    }

    /** Draws the chart at {@code width} × {@code height} pixels and writes it to {@code png}. */
    public void write(Path png, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(g, width, height);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private void draw(Graphics2D g, int width, int height) {
        int plotWidth = width - LEFT - RIGHT;
        int plotHeight = height - TOP - BOTTOM;
        Axis x = Axis.linear(0, max(true));
        Axis y = logY ? Axis.log(min(), max(false)) : Axis.linear(0, max(false));

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(caption, LEFT, 44);

        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(tickFont);
        FontMetrics metrics = g.getFontMetrics();
        for (double tick : x.ticks()) {
            int px = LEFT + (int) Math.round(x.fraction(tick) * plotWidth);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(px, TOP, px, TOP + plotHeight);
            g.setColor(Color.BLACK);
            String label = Axis.label(tick);
            g.drawString(label, px - metrics.stringWidth(label) / 2, TOP + plotHeight + 16);
        }
        for (double tick : y.ticks()) {
            int py = TOP + plotHeight - (int) Math.round(y.fraction(tick) * plotHeight);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, py, LEFT + plotWidth, py);
            g.setColor(Color.BLACK);
            String label = Axis.label(tick);
            g.drawString(label, LEFT - 6 - metrics.stringWidth(label), py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.drawString(xLabel, LEFT + (plotWidth - metrics.stringWidth(xLabel)) / 2, height - 14);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + (plotHeight + metrics.stringWidth(yLabel)) / 2), 18);
        rotated.dispose();

        Stroke solid = new BasicStroke(2f);
        Stroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f);
        int legendY = TOP + 10;
        for (Series line : series) {
            g.setColor(line.color());
            g.setStroke(line.dashed() ? dashed : solid);
            Path2D path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < line.x().length; i++) {
                if (!drawable(line.y()[i])) {
                    continue;
                }
                double px = LEFT + x.fraction(line.x()[i]) * plotWidth;
                double py = TOP + plotHeight - y.fraction(line.y()[i]) * plotHeight;
                if (started) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    started = true;
                }
                g.fillOval((int) px - 3, (int) py - 3, 7, 7);
            }
            g.draw(path);
            g.drawLine(LEFT + plotWidth + 12, legendY, LEFT + plotWidth + 40, legendY);
            g.setStroke(solid);
            g.setColor(Color.BLACK);
            g.drawString(line.name(), LEFT + plotWidth + 46, legendY + 4);
            legendY += 18;
        }
    }

    private boolean drawable(double value) {
        return Double.isFinite(value) && (!logY || value > 0);
    }

    private double max(boolean ofX) {
        double max = 0;
        for (Series line : series) {
            for (int i = 0; i < line.x().length; i++) {
                if (drawable(line.y()[i])) {
                    max = Math.max(max, ofX ? line.x()[i] : line.y()[i]);
                }
            }
        }
        return max > 0 ? max : 1;
    }

    private double min() {
        double min = Double.MAX_VALUE;
        for (Series line : series) {
            for (double value : line.y()) {
                if (drawable(value)) {
                    min = Math.min(min, value);
                }
            }
        }
        return min == Double.MAX_VALUE ? 0.1 : min;
    }
}
