package org.medsign.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages' dependencies as the JDK's {@code jdeps} reads them from the compiled classes: no cycle between any two
 * packages, and the kernel depends on no capability.
 */
class PackageDependenciesTest {

    private static final Map<String, Set<String>> DEPENDENCIES = new TreeMap<>();

    @BeforeAll
    static void readTheClasses() throws Exception {
        Path classes = Path.of(Role.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-verbose:package", "-e", "org\\.medsign\\..*", classes.toString());
        assertEquals(0, exit, out.toString());
        for (String line : out.toString().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith("org.medsign") && !parts[0].equals(parts[2])) {
                DEPENDENCIES.computeIfAbsent(parts[0], p -> new TreeSet<>()).add(parts[2]);
            }
        }
        assertTrue(DEPENDENCIES.size() > 10, "jdeps read the packages: " + DEPENDENCIES.keySet());
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        assertEquals(List.of(), cycles());
    }

    @Test
    void theKernelDependsOnNoCapability() {
        DEPENDENCIES.forEach((from, to) -> {
            if (from.startsWith("org.medsign.kernel")) {
                to.forEach(p -> assertTrue(p.startsWith("org.medsign.kernel"), from + " -> " + p));
            }
        });
    }

    /** Tarjan's strongly connected components of more than one package. */
    private static List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String p : DEPENDENCIES.keySet()) {
            if (!index.containsKey(p)) {
                visit(p, index, low, stack, found);
            }
        }
        return found;
    }

    private static void visit(String p, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                              List<Set<String>> found) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        for (String next : DEPENDENCIES.getOrDefault(p, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, index, low, stack, found);
                low.put(p, Math.min(low.get(p), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(p, Math.min(low.get(p), index.get(next)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(p));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
