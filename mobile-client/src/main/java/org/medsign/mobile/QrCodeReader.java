package org.medsign.mobile;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scans a QR code from an image file, as the phone's camera would (ZXing): first as a photo (the hybrid binarizer,
 * trying harder); then, for a clean screen image in which that found no finder patterns now and then while zbarimg
 * read the same file, with the global binarizer and as a pure barcode.
 */
public final class QrCodeReader {

    private QrCodeReader() {
    }

    public static String read(Path image) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (picture == null) {
            throw ClientFailure.of("MS-3009", "not an image: " + image);
        }
        LuminanceSource source = new BufferedImageLuminanceSource(picture);
        List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        for (BinaryBitmap bitmap : bitmaps) {
            for (Map<DecodeHintType, Object> hints : List.<Map<DecodeHintType, Object>>of(
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))) {
                try {
                    return new QRCodeReader().decode(bitmap, hints).getText();
                } catch (NotFoundException | ChecksumException | FormatException e) {
                    // the next way of reading it
                }
            }
        }
        throw ClientFailure.of("MS-3009", "no QR code found in " + image);
    }
}
