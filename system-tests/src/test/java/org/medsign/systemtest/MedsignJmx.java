package org.medsign.systemtest;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;

/** medsign's MBeans as IT's JMX client reaches them: WildFly's remote+http connector on the management port. */
public final class MedsignJmx {

    private MedsignJmx() {
    }

    public static JMXConnector connect() throws IOException {
        return JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:remote+http://127.0.0.1:" + (9990 + MedsignServer.PORT_OFFSET)));
    }

    /** One attribute, read over a connection of its own. */
    public static Object attribute(ObjectName mbean, String attribute) throws Exception {
        try (JMXConnector jmx = connect()) {
            return jmx.getMBeanServerConnection().getAttribute(mbean, attribute);
        }
    }

    /** {@code org.medsign:type=<area>}. */
    public static ObjectName area(String type) {
        try {
            return new ObjectName("org.medsign:type=" + type);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(type, e);
        }
    }
}
