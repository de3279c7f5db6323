package org.medsign.kernel.crypto;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.function.Supplier;

/**
 * One CA and one data key for all nodes. A node makes a missing key only while it holds the key's row locked, so two
 * nodes starting together on an empty database make one key between them (the second waits, then finds the first's
 * in the shared {@link KeyDirectory}); and a node whose key differs from the one the database recorded refuses to
 * start instead of issuing under a second CA or sealing with a second data key.
 */
@Stateless
@PermitAll
public class KeyIdentities {

    /** The purposes with a row in {@code key_identity} (V16). */
    public static final String CA = "CA";
    public static final String DATA_KEY = "DATA_KEY";

    @PersistenceContext
    EntityManager em;

    /**
     * Under the purpose's row lock: {@code existing} gives this node's fingerprint of the key, or null when it has
     * none; {@code make} makes the key and gives its fingerprint. The first node records it; every later one must
     * have the same.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String ensureOne(String purpose, Supplier<String> existing, Supplier<String> make, String where) {
        KeyIdentity row = em.find(KeyIdentity.class, purpose, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException("No key_identity row for " + purpose + " (migration V16 missing?)");
        }
        String mine = existing.get();
        if (row.fingerprint() == null) {
            String made = mine != null ? mine : make.get();
            row.record(made, node());
            return made;
        }
        if (!row.fingerprint().equals(mine)) {
            throw new IllegalStateException("The database's " + purpose + " key is " + row.fingerprint() + " (made on "
                    + row.recordedBy() + "), but " + where + " holds " + (mine == null ? "none" : mine)
                    + ": every node must use the same keys (medsign.keys.dir on a shared volume, or the same HSM and"
                    + " medsign.data-key); this node makes no second one");
        }
        return mine;
    }

    /**
     * A rollover replaced the key of {@code purpose}: the database records the new one, provided it still held
     * {@code from} (two nodes rolling over at once: the second is refused). Other nodes must restart to use it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replace(String purpose, String from, String to) {
        KeyIdentity row = em.find(KeyIdentity.class, purpose, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !from.equals(row.fingerprint())) {
            throw new IllegalStateException("The database's " + purpose + " key is not " + from + ": another node rolled it over");
        }
        row.record(to, node());
    }

    private static String node() {
        return System.getProperty("jboss.node.name", "unknown");
    }
}
