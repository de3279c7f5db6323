package org.medsign.jobs;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps a job from running twice at once, across timers, IT's button and the nodes of a cluster: a job instance
 * claims the job's row with one conditional UPDATE (the database serializes racing claims). The claim is free
 * again when its instance ends, or when its heartbeat is older than {@code medsign.jobs.lock-stale-minutes}
 * (its server died). A restart of the same instance keeps the claim. Each call commits on its own.
 * Open to every caller: jobs run without one.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLock {

    @Resource(lookup = "java:jboss/datasources/MedsignDS")
    DataSource medsign;

    @Inject
    @ConfigProperty(name = "medsign.jobs.lock-stale-minutes", defaultValue = "10")
    long staleMinutes;

    /** Claims the job for this instance; false when another live instance holds it. */
    public boolean claim(String job, long instanceId, long executionId) {
        Instant now = Instant.now();
        return update("UPDATE job_run_lock SET job_instance_id = ?, execution_id = ?, claimed_at = ?, heartbeat_at = ?"
                + " WHERE job_name = ? AND (job_instance_id IS NULL OR job_instance_id = ? OR heartbeat_at < ?)",
                instanceId, executionId, at(now), at(now), job, instanceId, at(now.minusSeconds(staleMinutes * 60))) == 1;
    }

    /** Whether a new instance could claim the job now (checked before starting one, to spare a refused run). */
    public boolean free(String job, long restartingInstance) {
        Instant stale = Instant.now().minusSeconds(staleMinutes * 60);
        return update("UPDATE job_run_lock SET job_name = job_name WHERE job_name = ?"
                + " AND (job_instance_id IS NULL OR job_instance_id = ? OR heartbeat_at < ?)",
                job, restartingInstance, at(stale)) == 1;
    }

    public void heartbeat(String job, long instanceId) {
        update("UPDATE job_run_lock SET heartbeat_at = ? WHERE job_name = ? AND job_instance_id = ?",
                at(Instant.now()), job, instanceId);
    }

    public void release(String job, long instanceId) {
        update("UPDATE job_run_lock SET job_instance_id = NULL, execution_id = NULL, heartbeat_at = NULL"
                + " WHERE job_name = ? AND job_instance_id = ?", job, instanceId);
    }

    private int update(String sql, Object... values) {
        try (Connection c = medsign.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job lock failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
