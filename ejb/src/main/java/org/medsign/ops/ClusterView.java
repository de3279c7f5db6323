package org.medsign.ops;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Which node this server is and which nodes it sees in its cluster, as WildFly itself knows them: the node name it
 * was started with ({@code -Djboss.node.name}; WildFly defaults it to the host name) and the current JGroups view of
 * the {@code ee} channel, the one that carries sessions, the distributed timers and the caches. WildFly publishes its
 * management model in the platform MBean server, so no WildFly API is compiled in. A server on the single-node
 * profile has no such channel and is its own whole cluster.
 */
public final class ClusterView {

    private static final Logger LOG = Logger.getLogger(ClusterView.class.getName());
    private static final String EE_CHANNEL = "jboss.as:subsystem=jgroups,channel=ee";
    private static final String ENVIRONMENT = "jboss.as:core-service=server-environment";

    private ClusterView() {
    }

    /** The node's name as WildFly's server environment has it (the property, or the host name it defaulted to). */
    public static String nodeName() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(ENVIRONMENT),
                    "nodeName");
        } catch (JMException | RuntimeException e) {
            return System.getProperty("jboss.node.name", "?");
        }
    }

    /** The members of this node's cluster view, in the view's order (its coordinator first). */
    public static List<String> members() {
        try {
            return view().orElseGet(() -> List.of(nodeName()));
        } catch (JMException | RuntimeException e) {
            LOG.warning(() -> "Cannot read the cluster view: " + e);
            return List.of(nodeName());
        }
    }

    /**
     * The members of the cluster view when this node is in a cluster (the HA profile), empty on the single-node
     * profile; an exception when the view cannot be read, so that nobody takes "unreadable" for "alone".
     */
    public static Optional<List<String>> view() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName channel = new ObjectName(EE_CHANNEL);
        if (!server.isRegistered(channel)) {
            return Optional.empty();
        }
        return Optional.of(members((String) server.getAttribute(channel, "view")));
    }

    /**
     * The members of a JGroups view as its text shows them, {@code [node1(v=16.0.5)|3] (2) [node1(v=16.0.5),
     * node2(v=16.0.5)]}: the names without the JGroups version each carries.
     */
    static List<String> members(String view) {
        int open = view.lastIndexOf('[');
        int close = view.lastIndexOf(']');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a JGroups view: " + view);
        }
        return Stream.of(view.substring(open + 1, close).replaceAll("\\([^)]*\\)", "").split(","))
                .map(String::strip).filter(m -> !m.isEmpty()).toList();
    }
}
