package org.medsign.dev.his;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.his.StandInFiller;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * With {@code medsign.demo-data} on, fills an empty HIS stand-in with a small generated set (a dozen authors,
 * 1,300 records over four months), called by the stand-in right after its migration, so the first scan sees them.
 */
@ApplicationScoped
public class DemoHisRecords implements StandInFiller {

    public static final long DEMO_SEED = 2026;
    private static final Logger LOG = Logger.getLogger(DemoHisRecords.class.getName());

    @Inject
    @ConfigProperty(name = "medsign.demo-data", defaultValue = "false")
    boolean demoData;

    @Override
    public void fill(DataSource his) {
        if (!demoData) {
            return;
        }
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
}
