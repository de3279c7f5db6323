package org.medsign.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the server's CPU goes, by layer of the stack, for the benchmarks: async-profiler, loaded into the running
 * WildFly with jcmd, samples every thread's stack at each 10 ms of CPU it uses (perf events: some 200 samples a
 * second on two busy cores, where the Flight Recorder's sampling slowed this server fivefold). Each sample counts for
 * the innermost frame that belongs to a known layer, so time spent in the JDK (strings, collections) counts for the
 * layer that called it, and crypto (Bouncy Castle's, the JDK providers', inside TLS too) for crypto; samples with no
 * Java frame count for their JVM thread (garbage collector, JIT compiler). On only when
 * {@code MEDSIGN_BENCH_LAYERS} is set: the figures beside it are measured with the profiler running.
 */
public final class ServerProfile {

    /** Layers by the package their frames come from, the first match wins; frames are innermost first. */
    private static final Map<String, List<String>> LAYERS = layers();

    private final MedsignServer server;
    private final Path library;
    private final Path output;

    private ServerProfile(MedsignServer server, Path library, Path output) {
        this.server = server;
        this.library = library;
        this.output = output;
    }

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        layers.put("PostgreSQL JDBC driver", List.of("org/postgresql/"));
        layers.put("connection pool (IronJacamar)", List.of("org/jboss/jca/", "org/jboss/ironjacamar/"));
        layers.put("transactions (Narayana)", List.of("com/arjuna/", "org/jboss/narayana/", "org/jboss/tm/",
                "org/wildfly/transaction/"));
        layers.put("EclipseLink (JPA)", List.of("org/eclipse/persistence/"));
        layers.put("JSON-B and JSON-P (Yasson, Parsson)", List.of("org/eclipse/yasson/", "org/eclipse/parsson/",
                "org/glassfish/json/"));
        layers.put("crypto (Bouncy Castle's, the JDK providers')", List.of("org/bouncycastle/math/",
                "org/bouncycastle/crypto/", "org/bouncycastle/jcajce/provider/", "sun/security/ec/",
                "sun/security/provider/", "sun/security/rsa/", "com/sun/crypto/", "java/security/Signature",
                "java/security/MessageDigest", "java/security/KeyFactory", "java/security/KeyPairGenerator",
                "java/security/SecureRandom", "javax/crypto/"));
        layers.put("ASN.1, CMS and X.509 (Bouncy Castle, the JDK)", List.of("org/bouncycastle/", "sun/security/util/",
                "sun/security/pkcs/", "sun/security/x509/", "java/security/cert/"));
        layers.put("medsign", List.of("org/medsign/"));
        layers.put("EJB container, CDI, interceptors", List.of("org/jboss/as/ejb3/", "org/jboss/invocation/",
                "org/jboss/weld/", "org/jboss/as/weld/", "org/jboss/ejb/", "org/jboss/as/ee/", "org/jboss/as/naming/"));
        layers.put("security (Elytron)", List.of("org/wildfly/security/", "org/jboss/as/domain/management/"));
        layers.put("REST (RESTEasy)", List.of("org/jboss/resteasy/"));
        layers.put("Faces (Mojarra, PrimeFaces)", List.of("com/sun/faces/", "jakarta/faces/", "org/primefaces/"));
        layers.put("TLS (JSSE)", List.of("sun/security/ssl/", "javax/net/ssl/"));
        layers.put("servlet and HTTP (Undertow)", List.of("io/undertow/", "org/wildfly/extension/undertow/"));
        layers.put("network I/O (XNIO, NIO)", List.of("org/xnio/", "sun/nio/"));
        return layers;
    }

    /** Starts profiling the server when {@code MEDSIGN_BENCH_LAYERS} is set; empty otherwise. */
    public static Optional<ServerProfile> startIfAsked(MedsignServer server, Path dir, String name) throws Exception {
        if (System.getenv("MEDSIGN_BENCH_LAYERS") == null) {
            return Optional.empty();
        }
        Files.createDirectories(dir);
        Path library = dir.resolve("libasyncProfiler.so");
        try (InputStream in = ServerProfile.class.getClassLoader().getResourceAsStream("linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("async-profiler is not on the test classpath");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        ServerProfile profile = new ServerProfile(server, library, dir.resolve(name + ".collapsed"));
        Files.deleteIfExists(profile.output);
        profile.agent("start,event=cpu,interval=10000000,threads");
        return Optional.of(profile);
    }

    /** Stops the profiler and prints the server's CPU per request by layer ({@code msPerRequest}: what it all was). */
    public void stopAndPrint(double msPerRequest) throws Exception {
        stop().print(msPerRequest, "request");
    }

    /** Stops the profiler; its samples by layer. */
    public Layers stop() throws Exception {
        agent("stop,file=" + output + ",collapsed");
        Map<String, Long> samples = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output)) {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                samples.merge(layer(line.substring(0, space).split(";")),
                        Long.parseLong(line.substring(space + 1).strip()), Long::sum);
            }
        }
        return new Layers(samples, output);
    }

    /** The samples of one profiled stretch by layer, and the file with their stacks. */
    public record Layers(Map<String, Long> samples, Path file) {

        /** Prints each layer's share, and its CPU per {@code unit} given what all of it was ({@code msPerUnit}). */
        public void print(double msPerUnit, String unit) {
            long total = samples.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("  where WildFly's CPU goes (async-profiler, %,d samples of 10 ms of CPU; %s):%n", total, file);
            samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
                    System.out.printf("    %-40s %5.1f %%  %.3f ms per %s%n", e.getKey(), 100.0 * e.getValue() / total,
                            msPerUnit * e.getValue() / total, unit));
        }
    }

    /** The layer of one sampled stack (its frames outermost first, the thread's name before them). */
    static String layer(String[] frames) {
        for (int i = frames.length - 1; i > 0; i--) {
            for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                for (String prefix : layer.getValue()) {
                    if (frames[i].startsWith(prefix)) {
                        return layer.getKey();
                    }
                }
            }
        }
        String thread = frames.length > 0 ? frames[0] : "";
        if (thread.contains("GC") || thread.contains("G1 ")) {
            return "JVM: garbage collector";
        }
        if (thread.contains("Compiler")) {
            return "JVM: JIT compiler";
        }
        for (String frame : frames) {
            if (frame.contains("/") && !frame.startsWith("[")) {
                return "JDK and other Java code";
            }
        }
        return "JVM: other (safepoints, VM thread, native)";
    }

    private void agent(String command) throws IOException, InterruptedException {
        // jcmd joins its arguments with spaces: the agent's options stay one argument only when quoted
        server.jcmd("JVMTI.agent_load", library.toString(), "\"" + command + "\"");
        if (command.startsWith("stop") && !Files.exists(output)) {
            throw new UncheckedIOException(new IOException("async-profiler wrote no profile to " + output));
        }
    }
}
