package org.medsign.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.medsign.systemtest.CpuMeter;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints one timed run: page views per second, Gatling's latency percentiles per step and over all steps (read from its
 * HTML report, set to 50/90/99/99.9 in benchmarks/portal's gatling.conf), the CPU per page view split between WildFly (its JIT
 * compiler apart), PostgreSQL and the load generator, and PostgreSQL's work per page view.
 */
final class JourneyReport {

    /** One step's figures, in ms. */
    record Step(String name, long count, long failed, long p50, long p90, long p99, long p999, long max) {

        static Step of(JsonNode stats) {
            return new Step(stats.path("name").asText(), stats.at("/numberOfRequests/total").asLong(),
                    stats.at("/numberOfRequests/ko").asLong(), stats.at("/percentiles1/total").asLong(),
                    stats.at("/percentiles2/total").asLong(), stats.at("/percentiles3/total").asLong(),
                    stats.at("/percentiles4/total").asLong(), stats.at("/maxResponseTime/total").asLong());
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private final Step overall;

    JourneyReport(GatlingRun.Result run) throws IOException {
        JsonNode root = statistics(Files.readString(run.stats()));
        overall = Step.of(root.path("stats"));
        root.path("contents").forEach(request -> steps.add(Step.of(request.path("stats"))));
        steps.sort(Comparator.comparing(Step::name));
    }

    /**
     * The {@code var stats = {…}} object of the report's js/stats.js (Gatling 3.13 writes no JSON file of it): a
     * JavaScript literal, JSON but for its unquoted keys.
     */
    static JsonNode statistics(String script) throws IOException {
        int start = script.indexOf('{', script.indexOf("var stats"));
        int depth = 0;
        boolean quoted = false;
        int end = start;
        for (; end < script.length(); end++) {
            char c = script.charAt(end);
            if (c == '"' && script.charAt(end - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}' && --depth == 0) {
                break;
            }
        }
        ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        return json.readTree(script.substring(start, end + 1));
    }

    Step overall() {
        return overall;
    }

    /**
     * @param passwordCheckMillis the raw cost of one password check measured in the same run: the logins' share of
     *                            WildFly's CPU is estimated from it, to show what the pages cost besides
     */
    void print(String title, GatlingRun.Result run, CpuMeter cpu, DatabaseActivity.Counters db, double passwordCheckMillis) {
        double seconds = run.seconds();
        long views = overall.count();
        System.out.printf("%s: %,d page views (%d failed) in %.1f s = %.1f page views/s; report %s%n", title, views,
                overall.failed(), seconds, views / seconds, run.report().resolve("index.html"));
        System.out.printf("  %-34s %8s %6s %7s %7s %7s %7s %7s%n", "step (ms)", "views", "failed", "p50", "p90", "p99",
                "p99.9", "max");
        for (Step s : steps) {
            row(s.name(), s);
        }
        row("all steps", overall);
        double per = 1e3 / views;
        System.out.printf("  CPU per page view: WildFly %.2f ms (of it its JIT %.2f ms), PostgreSQL %.2f ms, load generator"
                        + " %.2f ms; machine %.2f ms%n", cpu.serverJvm() * per, cpu.serverJit() * per, cpu.postgres() * per,
                run.generatorCpu() * per, cpu.machine() * per);
        long logins = steps.stream().filter(st -> st.name().contains("log in")).mapToLong(Step::count).sum();
        System.out.printf("  of WildFly's, the %,d password checks at their raw cost (%.1f ms each) ≈ %.2f ms per page view;"
                        + " the rest %.2f ms%n", logins, passwordCheckMillis, logins * passwordCheckMillis / views,
                cpu.serverJvm() * per - logins * passwordCheckMillis / views);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("  CPU share of the %d cores: WildFly %.0f%%, PostgreSQL %.0f%%, load generator %.0f%%, other %.0f%%%n",
                cores, 100 * cpu.serverJvm() / seconds / cores, 100 * cpu.postgres() / seconds / cores,
                100 * run.generatorCpu() / seconds / cores,
                100 * (cpu.machine() - cpu.serverJvm() - cpu.postgres() - run.generatorCpu()) / seconds / cores);
        System.out.printf("  PostgreSQL per page view: %.2f transactions committed, %.1f table reads (%.1f by index, %.2f"
                        + " sequential)%n", db.commits() / (double) views,
                (db.indexScans() + db.sequentialScans()) / (double) views, db.indexScans() / (double) views,
                db.sequentialScans() / (double) views);
    }

    private static void row(String name, Step s) {
        System.out.printf("  %-34s %,8d %6d %7d %7d %7d %7d %7d%n", name, s.count(), s.failed(), s.p50(), s.p90(), s.p99(),
                s.p999(), s.max());
    }
}
