package org.medsign.jobs;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.medsign.error.ErrorCode;
import org.medsign.kernel.Role;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What runs report beside their counts: skipped input and failure reasons, each in its own transaction so a
 * rolled-back chunk still leaves its note. Texts carry identifiers and codes only (they reach logs and IT pages).
 * Writing is open to every caller (jobs run without one); reading is IT's.
 */
@Stateless
@PermitAll
public class JobNotes {

    public static final String SKIP = "SKIP";
    public static final String FAILURE = "FAILURE";
    private static final Logger LOG = Logger.getLogger(JobNotes.class.getName());

    @Resource(lookup = "java:jboss/datasources/MedsignDS")
    DataSource medsign;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void note(long executionId, String job, String kind, ErrorCode code, String item, String reason) {
        String text = reason == null ? "" : reason.length() > 300 ? reason.substring(0, 300) : reason;
        LOG.warning(() -> job + " run " + executionId + " " + kind + " " + code.code() + (item == null ? "" : " " + item)
                + ": " + text);
        try (Connection c = medsign.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO job_note (id, execution_id, job_name, kind, error_code,"
                     + " item, reason, noted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, java.util.UUID.randomUUID().toString());
            ps.setLong(2, executionId);
            ps.setString(3, job);
            ps.setString(4, kind);
            ps.setString(5, code.code());
            ps.setString(6, item);
            ps.setString(7, text);
            ps.setObject(8, Instant.now().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job note failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** The notes of one run, oldest first, for the 批次作業 page. */
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public List<JobNote> of(long executionId, int max) {
        List<JobNote> notes = new ArrayList<>();
        try (Connection c = medsign.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT kind, error_code, item, reason, noted_at FROM job_note"
                     + " WHERE execution_id = ? ORDER BY noted_at FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, executionId);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notes.add(new JobNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job notes unreadable (SQL state " + e.getSQLState() + ")", e);
        }
        return notes;
    }

    /** One note of a run. */
    public record JobNote(String kind, String errorCode, String item, String reason, Instant notedAt) {
    }
}
