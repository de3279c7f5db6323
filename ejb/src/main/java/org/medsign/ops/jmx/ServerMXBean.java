package org.medsign.ops.jmx;

import java.util.List;

/**
 * {@code org.medsign:type=Server}: is medsign up, which version runs, and where this node stands in its cluster.
 * Each node of a cluster answers for itself; a single server is a cluster of one.
 */
public interface ServerMXBean {

    /** UP or DOWN, as the health endpoint says. */
    String getStatus();

    String getVersion();

    /** This node's name ({@code -Djboss.node.name}, which also names it in JGroups and in session routes). */
    String getNodeName();

    /** The members of the cluster view this node sees (the JGroups {@code ee} channel's); a single server: itself. */
    List<String> getClusterMembers();

    /**
     * Whether one of medsign's persistent schedules fired on this node within the last hour. The HA profile's
     * distributed timers fire each schedule on the one node that holds its timer, so in a cluster this tells which
     * node is firing the frequent schedules (the HIS write-back's every minute, the scans' every 10 minutes); a
     * daily schedule may be held by a node that answers false. Nothing fired is known before a schedule comes due.
     */
    boolean isRunsTimers();

    /** Each persistent schedule that fired on this node since it started, as "job MODE last-firing-instant". */
    List<String> getTimersFiredHere();
}
