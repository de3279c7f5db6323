package org.medsign.signing.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceContainerTest {

    private static final byte[] RECORD = "病歷 canonical bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CMS = {0x30, (byte) 0x82, 1, 2, 3};

    @Test
    void mimetypeComesFirstStoredThenTheObjectsTheManifestAndItsToken() throws IOException {
        AtomicReference<byte[]> stamped = new AtomicReference<>();
        byte[] zip = EvidenceContainer.write(objects(), manifest -> {
            stamped.set(manifest);
            return new byte[]{9, 9};
        });
        // tools recognise ASiC by the stored mimetype at a fixed offset
        assertEquals("mimetype" + EvidenceContainer.MIME_TYPE, new String(zip, 30, 8 + EvidenceContainer.MIME_TYPE.length(),
                StandardCharsets.US_ASCII));
        Map<String, byte[]> entries = read(zip);
        assertEquals(List.of("mimetype", "record-7-v2.bin", "signature-11.p7s", "validation-report.json",
                EvidenceContainer.MANIFEST, EvidenceContainer.TIMESTAMP), new ArrayList<>(entries.keySet()));
        assertArrayEquals(RECORD, entries.get("record-7-v2.bin"));
        assertArrayEquals(stamped.get(), entries.get(EvidenceContainer.MANIFEST), "the token is over the manifest kept");
        assertArrayEquals(new byte[]{9, 9}, entries.get(EvidenceContainer.TIMESTAMP));
    }

    @Test
    void theManifestListsEveryObjectWithItsDigestAndNamesTheToken() {
        String manifest = new String(AsicManifest.of(EvidenceContainer.TIMESTAMP, objects()), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("<asic:SigReference URI=\"META-INF/timestamp.tst\" MimeType=\""
                + AsicManifest.TIMESTAMP_TYPE + "\"/>"), manifest);
        for (AsicManifest.DataObject o : objects()) {
            assertTrue(manifest.contains("URI=\"" + o.name() + "\" MimeType=\"" + o.mimeType() + "\">\n"
                    + "    <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                    + "    <ds:DigestValue>" + Base64.getEncoder().encodeToString(AsicManifest.sha256(o.bytes()))), o.name());
        }
    }

    @Test
    void namesThatCouldLeaveTheContainerOrBreakTheXmlAreRefused() {
        for (String name : List.of("../etc/passwd", "META-INF/x", "a\"b", "", ".hidden", "a b")) {
            assertThrows(IllegalArgumentException.class, () -> new AsicManifest.DataObject(name, "application/json", RECORD),
                    name);
        }
        assertThrows(IllegalArgumentException.class, () -> new AsicManifest.DataObject("a.bin", "text/x\"y", RECORD));
    }

    private static List<AsicManifest.DataObject> objects() {
        return List.of(new AsicManifest.DataObject("record-7-v2.bin", "application/octet-stream", RECORD),
                new AsicManifest.DataObject("signature-11.p7s", "application/pkcs7-signature", CMS),
                new AsicManifest.DataObject("validation-report.json", "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, byte[]> read(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("mimetype")) {
                    assertEquals(ZipEntry.STORED, e.getMethod());
                }
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
