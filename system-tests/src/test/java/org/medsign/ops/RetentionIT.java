package org.medsign.ops;

import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Retention on PostgreSQL: the database refuses to delete a stored signature or an audit row younger than the
 * retention period (seven years here, the default), and to truncate their tables, whoever asks; a row past the
 * period may go (tried in a transaction that is rolled back); the period itself cannot be set below seven years.
 */
@SystemTest
class RetentionIT {

    @Test
    void signaturesAndAuditRowsInsideTheRetentionPeriodCannotBeDeleted(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "the guard is PostgreSQL's own");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "保存期限手機");
        nurse.bindEPortal("10.20.30.49");
        long record = HisRecords.add(server, "N0001", 1);
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(record), null);
        long signature = eportal.signatures().get(0).path("id").asLong();

        try (Connection c = server.database().connect(); Statement sql = c.createStatement()) {
            assertEquals(7, single(sql, "SELECT years FROM retention_policy"));
            long audit = single(sql, "SELECT max(id) FROM audit_event");
            for (String delete : List.of("DELETE FROM record_signature WHERE id = " + signature,
                    "DELETE FROM audit_event WHERE id = " + audit, "TRUNCATE record_signature CASCADE",
                    "TRUNCATE audit_event", "TRUNCATE institution_signature")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(delete), delete);
                assertTrue(refused.getMessage().contains("medsign retention"), delete + ": " + refused.getMessage());
            }
            assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE retention_policy SET years = 6"),
                    "fewer than seven years");

            c.setAutoCommit(false);
            try {
                sql.executeUpdate("UPDATE record_signature SET created_at = now() - interval '7 years 1 day' WHERE id = " + signature);
                assertEquals(1, sql.executeUpdate("DELETE FROM record_signature WHERE id = " + signature),
                        "past the retention period the guard lets a row go");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            assertEquals(1, single(sql, "SELECT count(*) FROM record_signature WHERE id = " + signature));
        }
        assertEquals(record, eportal.signatures().get(0).path("recordId").asLong());
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
