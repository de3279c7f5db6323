package org.medsign.ear;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production EAR carries no development code: no class of medsign-dev (the development HCA that issues card
 * certificates, the demo staff, the HIS record generator) in any of its nested archives, none moved back under
 * another package, and no class that refers to one. Reads the packaged medsign.ear, so it runs after package.
 */
class ProductionEarIT {

    private static final String DEV_PACKAGE = "org/medsign/dev/";
    private static final byte[][] DEV_REFERENCES = {bytes(DEV_PACKAGE), bytes("org.medsign.dev.")};

    /** Every entry of the EAR, nested archives opened, as "archive!/entry" (e.g. medsign-ejb.jar!/org/…). */
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void readEar() throws IOException {
        entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("medsign.ear")))) {
            read("", in);
        }
    }

    @Test
    void theEarWasReadThroughItsNestedArchives() {
        // guards the checks below against passing on an archive they could not look into
        assertTrue(entries.containsKey("medsign-ejb.jar!/org/medsign/card/validation/CardValidation.class"));
        assertTrue(entries.keySet().stream().anyMatch(e -> e.startsWith("medsign-web.war!/WEB-INF/classes/org/medsign/")
                && e.endsWith(".class")));
        assertTrue(entries.keySet().stream().anyMatch(e -> e.startsWith("lib/medsign-batch.jar!/org/medsign/")));
    }

    @Test
    void noDevelopmentArchiveNorPage() {
        assertEquals(List.of(), entries.keySet().stream()
                .filter(e -> e.matches("(.*/)?medsign-(dev|demo)[^/]*\\.(jar|war)(!/.*)?") || e.endsWith("/dev-hca.xhtml"))
                .toList());
    }

    @Test
    void noClassOfTheDevelopmentModuleAnywhere() throws IOException, URISyntaxException {
        Set<String> devNames = devClassNames();
        assertTrue(devNames.containsAll(Set.of("DevelopmentHca", "DevCardIssuer", "DemoStaff", "DemoPeople",
                "HisGenerator", "HisGeneratorCommand")), "medsign-dev's classes: " + devNames);
        List<String> found = classes().filter(e -> className(e).startsWith(DEV_PACKAGE)
                || className(e).startsWith("org/medsign/") && devNames.contains(simpleName(className(e)))).toList();
        assertEquals(List.of(), found, "development classes in the production EAR");
    }

    @Test
    void noClassRefersToTheDevelopmentModule() {
        List<String> referring = classes().filter(e -> Stream.of(DEV_REFERENCES).anyMatch(r -> contains(entries.get(e), r)))
                .toList();
        assertEquals(List.of(), referring, "classes that name a development class");
    }

    private static Stream<String> classes() {
        return entries.keySet().stream().filter(e -> e.endsWith(".class"));
    }

    private static void read(String prefix, InputStream archive) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = prefix + entry.getName();
            byte[] content = zip.readAllBytes();
            entries.put(name, content);
            if (name.endsWith(".jar") || name.endsWith(".war")) {
                read(name + "!/", new ByteArrayInputStream(content));
            }
        }
    }

    /** The simple names of medsign-dev's classes, read from its jar (or classes directory) on the test classpath. */
    private static Set<String> devClassNames() throws IOException, URISyntaxException {
        URL marker = ProductionEarIT.class.getClassLoader().getResource(DEV_PACKAGE + "hca/DevelopmentHca.class");
        assertTrue(marker != null, "medsign-dev is not on the test classpath");
        List<String> paths = new ArrayList<>();
        if (marker.getProtocol().equals("jar")) {
            try (JarFile jar = ((JarURLConnection) marker.openConnection()).getJarFile()) {
                jar.stream().map(ZipEntry::getName).forEach(paths::add);
            }
        } else {
            Path root = Path.of(marker.toURI()).getParent().getParent();
            try (Stream<Path> files = Files.walk(root)) {
                files.map(f -> DEV_PACKAGE + root.relativize(f).toString().replace('\\', '/')).forEach(paths::add);
            }
        }
        Set<String> names = new HashSet<>();
        paths.stream().filter(p -> p.startsWith(DEV_PACKAGE) && p.endsWith(".class") && !p.endsWith("package-info.class"))
                .forEach(p -> names.add(simpleName(p)));
        return names;
    }

    private static String className(String entry) {
        String path = entry.substring(entry.lastIndexOf("!/") + 1).replaceFirst("^/", "");
        return path.startsWith("WEB-INF/classes/") ? path.substring("WEB-INF/classes/".length()) : path;
    }

    /** Top-level simple name: org/medsign/dev/his/HisGenerator$Settings.class gives HisGenerator. */
    private static String simpleName(String classPath) {
        String file = classPath.substring(classPath.lastIndexOf('/') + 1).replace(".class", "");
        int nested = file.indexOf('$');
        return nested < 0 ? file : file.substring(0, nested);
    }

    private static boolean contains(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= content.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
