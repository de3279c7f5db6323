package org.medsign.ops;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the schema to the version this build expects, before any bean touches the database.
 * Runs outside a JTA transaction: Flyway manages its own connections and commits.
 */
@Singleton(name = "DatabaseMigration")
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/MedsignDS")
    DataSource dataSource;

    /** Years signatures, their evidence and the audit log are kept (at least seven). */
    @Inject
    @ConfigProperty(name = "medsign.retention.years")
    Optional<String> retentionYears;

    private String schemaVersion;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                // The JBeret job repository keeps its tables in the same schema.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .javaMigrations(new V25__RetentionGuard(), new V27__PendingListIndex())
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection()) {
            RetentionPolicy.apply(connection, RetentionPolicy.years(retentionYears.orElse(null)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the retention period", e);
        }
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
