package org.medsign.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where a benchmark's CPU went while it timed: the whole machine, the server's JVMs (one, or a cluster's nodes; and of
 * that, their JIT compiler threads, busy for minutes after WildFly starts), a cluster's balancer (haproxy) and
 * PostgreSQL's processes, read from /proc (Linux, clock ticks of 10 ms), so that a figure can be set against what the
 * hardware can give.
 */
public final class CpuMeter {

    private static final double TICK = 0.01;

    private final Supplier<List<Long>> jvms;
    private double machine;
    private double serverJvm;
    private double serverJit;
    private double balancer;
    private double postgres;

    public CpuMeter(MedsignServer server) {
        this(() -> List.of(server.pid()));
    }

    /** The JVMs of {@code jvms} as the server: a cluster's nodes, their process ids read at each reading. */
    public CpuMeter(Supplier<List<Long>> jvms) {
        this.jvms = jvms;
    }

    /** Counts the CPU used from now until the returned reading is closed. */
    public Reading start() {
        return new Reading(machineSeconds(), serverSeconds(), jitSeconds(), balancerSeconds(), postgresSeconds());
    }

    /** CPU seconds counted so far: the machine, all cores. */
    public double machine() {
        return machine;
    }

    public double serverJvm() {
        return serverJvm;
    }

    /** Of {@link #serverJvm()}, what the JIT compiler threads used. */
    public double serverJit() {
        return serverJit;
    }

    public double postgres() {
        return postgres;
    }

    /** haproxy's processes: a cluster's balancer (0 for one server). */
    public double balancer() {
        return balancer;
    }

    /** One timed stretch. */
    public final class Reading implements AutoCloseable {

        private final double machineAtStart;
        private final double serverAtStart;
        private final double jitAtStart;
        private final double balancerAtStart;
        private final double postgresAtStart;

        private Reading(double machine, double server, double jit, double balancer, double postgres) {
            this.machineAtStart = machine;
            this.serverAtStart = server;
            this.jitAtStart = jit;
            this.balancerAtStart = balancer;
            this.postgresAtStart = postgres;
        }

        @Override
        public void close() {
            machine += machineSeconds() - machineAtStart;
            serverJvm += serverSeconds() - serverAtStart;
            serverJit += jitSeconds() - jitAtStart;
            balancer += balancerSeconds() - balancerAtStart;
            postgres += postgresSeconds() - postgresAtStart;
        }
    }

    /** Busy time of all cores: user, nice, system, irq, softirq and steal of /proc/stat's first line. */
    private static double machineSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return busy * TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** User and system time of the server's JVMs. */
    private double serverSeconds() {
        return jvms.get().stream().mapToLong(pid -> ticks(Path.of("/proc", Long.toString(pid)), "")).sum() * TICK;
    }

    /** User and system time of the server JVMs' compiler threads ("C1 CompilerThre…", "C2 CompilerThre…"). */
    private double jitSeconds() {
        double seconds = 0;
        for (long pid : jvms.get()) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                seconds += threads.mapToLong(t -> ticks(t, "CompilerThre")).sum() * TICK;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
        return seconds;
    }

    /** User and system time of every process named postgres (0 when PostgreSQL is not on this machine). */
    private static double postgresSeconds() {
        return processesNamed("(postgres)");
    }

    private static double balancerSeconds() {
        return processesNamed("(haproxy)");
    }

    private static double processesNamed(String name) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+")).mapToLong(p -> ticks(p, name))
                    .sum() * TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** User and system ticks of a process or thread whose name contains {@code name}; 0 for any other. */
    private static long ticks(Path process, String name) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            if (!stat.substring(0, stat.lastIndexOf(')') + 1).contains(name)) {
                return 0;
            }
            String[] f = stat.replaceFirst("^.*\\) ", "").split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
