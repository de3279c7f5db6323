package org.medsign.mobile;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Scans a QR code from an image file, as the phone's camera would (ZXing). */
public final class QrCodeReader {

    private QrCodeReader() {
    }

    public static String read(Path image) {
        try {
            BufferedImage picture = ImageIO.read(image.toFile());
            if (picture == null) {
                throw ClientFailure.of("MS-3009", "not an image: " + image);
            }
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw ClientFailure.of("MS-3009", "no QR code found in " + image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
