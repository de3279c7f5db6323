package org.medsign.jobs;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.ops.ClusterView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a job from running twice at once, across timers, IT's button and the nodes of a cluster: a job instance
 * claims the job's row with one conditional UPDATE (the database serializes racing claims). The claim is free
 * again when its instance ends, or when its heartbeat is older than {@code medsign.jobs.lock-stale-minutes}
 * (its server died). A restart of the same instance keeps the claim. The claim names the node that holds it, so that
 * a survivor can take over the run of a node that left the cluster ({@link JobTakeover}). Each call commits on its own.
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

    /** Claims the job for this instance, in this node's name; false when another live instance holds it. */
    public boolean claim(String job, long instanceId, long executionId) {
        Instant now = Instant.now();
        return update("UPDATE job_run_lock SET job_instance_id = ?, execution_id = ?, claimed_at = ?, heartbeat_at = ?,"
                + " claimed_by = ? WHERE job_name = ? AND (job_instance_id IS NULL OR job_instance_id = ? OR heartbeat_at < ?)",
                instanceId, executionId, at(now), at(now), ClusterView.nodeName(), job, instanceId,
                at(now.minusSeconds(staleMinutes * 60))) == 1;
    }

    /** The claims held now, with the node that holds each. */
    public List<Claim> held() {
        try (Connection c = medsign.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT job_name,"
                + " job_instance_id, execution_id, claimed_by, heartbeat_at FROM job_run_lock"
                + " WHERE job_instance_id IS NOT NULL AND claimed_by IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            List<Claim> claims = new ArrayList<>();
            while (rs.next()) {
                OffsetDateTime beat = rs.getObject(5, OffsetDateTime.class);
                claims.add(new Claim(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        beat == null ? Instant.EPOCH : beat.toInstant()));
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException("job lock failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Moves a claim from a node that died to this one, for the restart of the same instance; false when it is no
     * longer that node's (another survivor took it first, or the run ended).
     */
    public boolean takeOver(Claim claim) {
        return update("UPDATE job_run_lock SET claimed_by = ?, heartbeat_at = ? WHERE job_name = ?"
                + " AND job_instance_id = ? AND execution_id = ? AND claimed_by = ?", ClusterView.nodeName(),
                at(Instant.now()), claim.job(), claim.instanceId(), claim.executionId(), claim.node()) == 1;
    }

    /** The claim's run continues as execution {@code executionId} (a restart), which a later take-over restarts. */
    public void continuedAs(String job, long instanceId, long executionId) {
        update("UPDATE job_run_lock SET execution_id = ? WHERE job_name = ? AND job_instance_id = ?",
                executionId, job, instanceId);
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
        update("UPDATE job_run_lock SET job_instance_id = NULL, execution_id = NULL, heartbeat_at = NULL, claimed_by = NULL"
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

    /** A job's claim: its instance, the execution that runs it, the node that claimed it and its last heartbeat. */
    public record Claim(String job, long instanceId, long executionId, String node, Instant heartbeat) {
    }
}
