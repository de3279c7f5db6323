package org.medsign.his;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Plays the HIS when no real one is connected ({@code medsign.his.stand-in}, default true): migrates the stand-in
 * schema (Flyway location {@code db/his}, its own history table in the HIS database), then lets any deployed
 * {@link StandInFiller} fill it (the demo EAR's generates records; production has none).
 * Outside a JTA transaction, like {@link org.medsign.ops.DatabaseMigration}: Flyway commits itself.
 */
@Singleton(name = "HisStandIn")
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HisStandIn {

    @Resource(lookup = "java:jboss/datasources/HisDS")
    DataSource his;

    @Inject
    @ConfigProperty(name = "medsign.his.stand-in", defaultValue = "true")
    boolean standIn;

    @Inject
    @Any
    Instance<StandInFiller> fillers;

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
        fillers.forEach(filler -> filler.fill(his));
    }

    public boolean standIn() {
        return standIn;
    }
}
