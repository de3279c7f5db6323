package org.medsign.systemtest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * A video for Chromium's fake camera ({@code --use-file-for-fake-video-capture}): a still image, such as the portal's
 * QR code, in the middle of a white 640×480 frame, as YUV4MPEG2 (4:2:0), which Chromium plays in a loop.
 */
public final class FakeCamera {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private FakeCamera() {
    }

    /** The image of an {@code <img src="data:image/png;base64,…">}, as the portal shows its QR codes. */
    public static byte[] dataUri(String src) {
        return Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
    }

    public static Path showing(byte[] png, Path y4m) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            byte[] luma = new byte[WIDTH * HEIGHT];
            Arrays.fill(luma, (byte) 235);
            int left = (WIDTH - image.getWidth()) / 2;
            int top = (HEIGHT - image.getHeight()) / 2;
            for (int y = 0; y < image.getHeight() && top + y < HEIGHT; y++) {
                for (int x = 0; x < image.getWidth() && left + x < WIDTH; x++) {
                    int rgb = image.getRGB(x, y);
                    double value = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                    // studio range, as BT.601 video carries it
                    luma[(top + y) * WIDTH + left + x] = (byte) (16 + Math.round(value * 219 / 255));
                }
            }
            byte[] chroma = new byte[WIDTH * HEIGHT / 4];
            Arrays.fill(chroma, (byte) 128);
            try (OutputStream out = Files.newOutputStream(y4m)) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
                for (int frame = 0; frame < 3; frame++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(luma);
                    out.write(chroma);
                    out.write(chroma);
                }
            }
            return y4m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
