package org.medsign.ops.jmx;

/** {@code org.medsign:type=Server}: is medsign up, and which version runs. */
public interface ServerMXBean {

    /** UP or DOWN, as the health endpoint says. */
    String getStatus();

    String getVersion();
}
