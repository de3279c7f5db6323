package org.medsign.his;

import javax.sql.DataSource;

/**
 * Fills the HIS stand-in right after {@link HisStandIn} has migrated its schema, before the job timers start.
 * Production deploys none; the demo EAR's module adds one that generates demo records into an empty HIS.
 */
public interface StandInFiller {

    void fill(DataSource his);
}
