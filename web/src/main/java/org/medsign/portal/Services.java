package org.medsign.portal;

import jakarta.enterprise.inject.spi.CDI;

/**
 * How a view- or session-scoped bean keeps a service: in a transient field, found again here once the field is
 * empty. The cluster moves such a bean to another node by serializing it; an EJB's reference must not travel with
 * it (it is not state, and it is not Serializable), so after the move the field is null and the bean asks the
 * container of the node it now lives on.
 */
public final class Services {

    private Services() {
    }

    /** {@code held} while the bean still has it; after a move (or passivation), this node's {@code type}. */
    public static <T> T kept(T held, Class<T> type) {
        return held != null ? held : CDI.current().select(type).get();
    }
}
