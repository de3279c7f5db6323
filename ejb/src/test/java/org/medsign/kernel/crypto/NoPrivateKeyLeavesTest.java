package org.medsign.kernel.crypto;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No class outside this package offers a private key: no public method, constructor, field or record component of a
 * public class takes or gives a {@link PrivateKey}, {@link KeyPair} or {@link KeyStore}. Reads the compiled classes.
 */
class NoPrivateKeyLeavesTest {

    private static final List<Class<?>> KEY_TYPES = List.of(PrivateKey.class, KeyPair.class, KeyStore.class);

    @Test
    void noPublicSignatureOutsideTheKernelCarriesAPrivateKey() throws Exception {
        Path classes = Path.of(KeyRing.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (String name : classNames(classes)) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!Modifier.isPublic(type.getModifiers()) || type.getPackageName().equals(KeyRing.class.getPackageName())) {
                continue;
            }
            checked++;
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                    if (Stream.concat(Stream.of(m.getReturnType()), Stream.of(m.getParameterTypes())).anyMatch(NoPrivateKeyLeavesTest::isKey)) {
                        offenders.add(m.toString());
                    }
                }
            }
            for (var c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && Stream.of(c.getParameterTypes()).anyMatch(NoPrivateKeyLeavesTest::isKey)) {
                    offenders.add(c.toString());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && isKey(f.getType())) {
                    offenders.add(f.toString());
                }
            }
            if (type.isRecord()) {
                for (RecordComponent r : type.getRecordComponents()) {
                    if (isKey(r.getType())) {
                        offenders.add(type.getName() + "." + r.getName());
                    }
                }
            }
        }
        assertTrue(checked > 100, "read the compiled classes: " + checked);
        assertEquals(List.of(), offenders);
    }

    private static boolean isKey(Class<?> type) {
        return KEY_TYPES.stream().anyMatch(k -> k.isAssignableFrom(type));
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("package-info.class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }
    }
}
