package org.callsign.benchmarks.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheSizeAsked() throws Exception {
        Path png = dir.resolve("latency.png");
        new LineChart("Relay latency", "2 cores; JDK 17 -Xms1g -Xmx1g", "offered (msg/s)", "ms", true)
                .series("a p99", 0, false, new double[] {1000, 2000, 4000}, new double[] {3.2, 5.1, 240})
                .series("a p50", 0, true, new double[] {1000, 2000, 4000}, new double[] {0.4, Double.NaN, 0.9})
                .write(png, 640, 360);

        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
    }

    @Test
    void drawsTheSeriesInItsColour() throws Exception {
        Path png = dir.resolve("throughput.png");
        new LineChart("Throughput", "caption", "offered", "delivered", false)
                .series("blue", 0, false, new double[] {0, 1000}, new double[] {0, 1000})
                .write(png, 400, 300);

        BufferedImage image = ImageIO.read(png.toFile());
        long blue = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == 0x1f77b4) {
                    blue++;
                }
            }
        }
        assertNotEquals(0, blue, "no pixel of the series' colour");
    }

    @Test
    void refusesASeriesWithMoreXThanY() {
        LineChart chart = new LineChart("t", "c", "x", "y", false);
        assertThrows(
                IllegalArgumentException.class,
                () -> chart.series("bad", 0, false, new double[] {1, 2}, new double[] {1}));
    }
}
