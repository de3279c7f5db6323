package org.medsign.portal;

import jakarta.enterprise.context.NormalScope;
import org.junit.jupiter.api.Test;
import org.medsign.staff.AuthenticatedStaff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: a portal session moves to another node when its node dies, so every session- and view-scoped bean of
 * the web module, and everything it holds, must serialize. The beans are found by scanning the module's classes for
 * a passivating scope (a new bean is checked without being listed); each is checked by its declared field types,
 * recursively, and a filled-in instance is serialized and read back.
 */
class PassivatingBeansTest {

    /** Held in the HTTP session beside the beans: the logged-in user (PortalAuthenticationMechanism). */
    private static final List<Class<?>> SESSION_ATTRIBUTES = List.of(AuthenticatedStaff.class);

    @Test
    void theScanFindsTheWizardTheDevicePageAndTheLanguage() throws Exception {
        List<String> names = passivatingBeans().stream().map(Class::getSimpleName).toList();
        assertTrue(names.containsAll(List.of("ApplyView", "DevicesView", "StaffSearchView", "LocaleSelection")),
                "found: " + names);
    }

    @Test
    void everythingASessionHoldsIsSerializableByItsDeclaredTypes() throws Exception {
        List<Class<?>> held = new ArrayList<>(passivatingBeans());
        held.addAll(SESSION_ATTRIBUTES);
        List<String> problems = held.stream().flatMap(c -> SerializableTypes.problems(c).stream()).toList();
        assertEquals(List.of(), problems, "session and view state that cannot move to another node");
    }

    @Test
    void filledInBeansSurviveSerialization() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Class<?> bean : passivatingBeans()) {
            try {
                Object before = SampleValues.filled(bean);
                Object after = roundTrip(before);
                for (Field field : travelling(bean)) {
                    if (!Objects.equals(field.get(before), field.get(after))) {
                        failures.add(bean.getSimpleName() + "." + field.getName() + " changed on the way");
                    }
                }
            } catch (IOException | ReflectiveOperationException | IllegalArgumentException e) {
                failures.add(bean.getSimpleName() + ": " + e);
            }
        }
        for (Class<?> attribute : SESSION_ATTRIBUTES) {
            Object value = SampleValues.of(attribute);
            assertEquals(value, roundTrip(value));
        }
        assertEquals(List.of(), failures);
    }

    /** Every class of the web module (target/classes) whose scope is passivating: session, view, conversation, flow. */
    static List<Class<?>> passivatingBeans() throws IOException, URISyntaxException {
        Path classes = Path.of(LocaleSelection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = load(name);
                if (Stream.of(type.getAnnotations()).anyMatch(PassivatingBeansTest::passivating)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }

    private static boolean passivating(Annotation annotation) {
        NormalScope scope = annotation.annotationType().getAnnotation(NormalScope.class);
        return scope != null && scope.passivating();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PassivatingBeansTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static List<Field> travelling(Class<?> bean) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = bean; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
