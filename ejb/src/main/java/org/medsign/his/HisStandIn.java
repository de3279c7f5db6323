package org.medsign.his;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Plays the HIS when no real one is connected ({@code medsign.his.stand-in}, default true): migrates the stand-in
 * schema (Flyway location {@code db/his}, its own history table in the HIS database) and, with demo data on,
 * fills an empty HIS with a small generated set (a dozen authors, 1,300 records over four months).
 * Outside a JTA transaction, like {@link org.medsign.ops.DatabaseMigration}: Flyway commits itself.
 */
@Singleton(name = "HisStandIn")
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HisStandIn {

    public static final long DEMO_SEED = 2026;
    private static final Logger LOG = Logger.getLogger(HisStandIn.class.getName());

    @Resource(lookup = "java:jboss/datasources/HisDS")
    DataSource his;

    @Inject
    @ConfigProperty(name = "medsign.his.stand-in", defaultValue = "true")
    boolean standIn;

    @Inject
    @ConfigProperty(name = "medsign.demo-data", defaultValue = "false")
    boolean demoData;

    @PostConstruct
    void start() {
        if (!standIn) {
            return;
        }
        Flyway.configure(HisStandIn.class.getClassLoader())
                .dataSource(his)
                .locations("classpath:db/his")
                .table("his_schema_history")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (demoData) {
            loadDemoRecords();
        }
    }

    private void loadDemoRecords() {
        try (Connection c = his.getConnection()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM his_record")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            HisGenerator.Result result = new HisGenerator().generate(c,
                    new HisGenerator.Settings(DEMO_SEED, 12, 1300, 4, Instant.now(), false));
            LOG.info(() -> "Demo HIS records generated: " + result.records() + " records, " + result.patients()
                    + " patients in " + result.took().toMillis() + " ms");
        } catch (SQLException e) {
            throw new IllegalStateException("Demo HIS records could not be generated (SQL state " + e.getSQLState() + ")", e);
        }
    }

    public boolean standIn() {
        return standIn;
    }
}
