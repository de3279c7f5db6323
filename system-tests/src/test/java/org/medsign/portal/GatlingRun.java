package org.medsign.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of the portal's Gatling simulation (benchmarks/portal) against the running server, in its own JVM through
 * the Gatling Maven plugin, pinned with {@code taskset} to the cores given, so that the load generator stays off the
 * server's. The simulation writes its own wall time and CPU time (from its start to its end, Gatling's and Maven's
 * start-up left out); the HTML report stays under benchmarks/portal/target/gatling/.
 */
final class GatlingRun {

    /** What a run left: its report directory, and the simulation's own wall time and CPU (the load generator's). */
    record Result(Path report, double seconds, double generatorCpu) {

        /** Gatling's statistics of the run (js/stats.js of the HTML report). */
        Path stats() {
            return report.resolve("js/stats.js");
        }
    }

    private final Path module;
    private final Path logs;
    private final String generatorCores;

    /**
     * @param module         benchmarks/portal (compiled by the script beforehand)
     * @param logs           where each run's console output goes
     * @param generatorCores the {@code taskset} core list of the load generator ("1")
     */
    GatlingRun(Path module, Path logs, String generatorCores) {
        this.module = module;
        this.logs = logs;
        this.generatorCores = generatorCores;
    }

    /**
     * Runs the simulation with these {@code portal.*} settings; fails when Gatling does not end normally within
     * {@code limit}.
     */
    Result run(String name, Map<String, String> settings, Duration limit)
            throws IOException, InterruptedException {
        Path results = module.resolve("target/gatling");
        Files.createDirectories(results);
        List<Path> before = reports(results);
        Path stats = logs.resolve(name + "-generator.properties");
        Files.deleteIfExists(stats);
        List<String> command = new ArrayList<>(List.of("taskset", "-c", generatorCores, "mvn", "-o", "-q", "-f",
                module.resolve("pom.xml").toString(), "gatling:test", "-Dgatling.runDescription=" + name,
                "-Dportal.statsFile=" + stats));
        settings.forEach((k, v) -> command.add("-Dportal." + k + "=" + v));
        Path log = logs.resolve(name + "-gatling.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // A JVM held to one core sizes its pools to one thread, and Gatling's start then waits on itself until its 5 s
        // limit ("Future timed out" in DataWritersStatsEngine.start) and hangs: two threads, still on the one core.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=2");
        Process gatling = builder.start();
        if (!gatling.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            // Gatling hangs when its start fails (e.g. its stats engine's 5 s start-up limit on a starved core)
            gatling.descendants().forEach(ProcessHandle::destroyForcibly);
            gatling.destroyForcibly();
            throw new IllegalStateException("Gatling run " + name + " did not end within " + limit + "; see " + log);
        }
        int exit = gatling.exitValue();
        List<Path> made = reports(results).stream().filter(p -> !before.contains(p)).toList();
        if (exit != 0 || made.size() != 1 || !Files.exists(stats)) {
            throw new IllegalStateException("Gatling run " + name + " failed (exit " + exit + "); see " + log);
        }
        Properties own = new Properties();
        try (InputStream in = Files.newInputStream(stats)) {
            own.load(in);
        }
        return new Result(made.get(0), Long.parseLong(own.getProperty("wallNanos")) / 1e9,
                Long.parseLong(own.getProperty("cpuNanos")) / 1e9);
    }

    private static List<Path> reports(Path results) throws IOException {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(Files::isDirectory).toList();
        }
    }
}
