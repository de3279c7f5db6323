package org.medsign.ops;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** EclipseLink inside WildFly only knows the entities persistence.xml lists: every entity, embeddable and converter must be there. */
class PersistenceUnitTest {

    @Test
    void listsEveryEntity() throws IOException, URISyntaxException {
        Path classes = Path.of(PersistenceUnitTest.class.getResource("/META-INF/persistence.xml").toURI())
                .getParent().getParent();
        Set<String> entities = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                            || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class)) {
                        entities.add(name);
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError ignored) {
                    // classes needing the server's libraries are not entities of ours
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/persistence.xml")) {
            Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                listed.add(m.group(1));
            }
        }
        assertEquals(entities, listed);
    }
}
