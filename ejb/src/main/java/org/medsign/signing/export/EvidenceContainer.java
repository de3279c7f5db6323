package org.medsign.signing.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an ASiC-E container: the {@code mimetype} entry first and stored uncompressed (so that tools recognise the
 * container from its first bytes), then the data objects, the ASiCManifest and the time-stamp token over the
 * manifest. The token comes from the caller's TSA, given the manifest's bytes.
 */
final class EvidenceContainer {

    static final String MIME_TYPE = "application/vnd.etsi.asic-e+zip";
    static final String MANIFEST = "META-INF/ASiCManifest.xml";
    static final String TIMESTAMP = "META-INF/timestamp.tst";

    private EvidenceContainer() {
    }

    /**
     * @param timestamp the DER time-stamp token over the bytes it is given (the manifest's)
     */
    static byte[] write(List<AsicManifest.DataObject> objects, UnaryOperator<byte[]> timestamp) {
        byte[] manifest = AsicManifest.of(TIMESTAMP, objects);
        byte[] token = timestamp.apply(manifest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "mimetype", MIME_TYPE.getBytes(StandardCharsets.US_ASCII));
            for (AsicManifest.DataObject o : objects) {
                entry(zip, o.name(), o.bytes());
            }
            entry(zip, MANIFEST, manifest);
            entry(zip, TIMESTAMP, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
