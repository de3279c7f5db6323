package org.medsign.ops;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.persistence.sessions.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Checks the database through the persistence unit, and reports which JPA provider and platform run it. */
@Stateless
public class HealthCheck {

    private static final Logger LOG = Logger.getLogger(HealthCheck.class.getName());
    private static final String VERSION = readVersion();

    @PersistenceContext
    EntityManager em;

    @EJB
    DatabaseMigration migration;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public HealthReport check() {
        String provider = em.getEntityManagerFactory().getClass().getName();
        Session session = em.unwrap(Session.class);
        String platform = session.getServerPlatform().getClass().getName();
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            String product = session.getLogin().getPlatform().getClass().getSimpleName();
            return new HealthReport(HealthReport.UP, VERSION, true, product, migration.schemaVersion(), provider, platform);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Database health check failed: {0}", e.toString());
            return new HealthReport(HealthReport.DOWN, VERSION, false, null, migration.schemaVersion(), provider, platform);
        }
    }

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = HealthCheck.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
