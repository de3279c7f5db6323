package org.medsign.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The retention period of signatures, their evidence and the audit log: {@code medsign.retention.years}, seven by
 * default and never less (a server configured for less does not start). It is written to the database at every
 * start, where PostgreSQL's guard reads it ({@link V25__RetentionGuard}).
 */
final class RetentionPolicy {

    static final int MINIMUM_YEARS = 7;

    private RetentionPolicy() {
    }

    /** The configured years, refused when below the legal minimum or not a whole number. */
    static int years(String configured) {
        int years;
        try {
            years = configured == null || configured.isBlank() ? MINIMUM_YEARS : Integer.parseInt(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("medsign.retention.years is not a whole number of years: " + configured);
        }
        if (years < MINIMUM_YEARS) {
            throw new IllegalStateException("medsign.retention.years is " + years + "; medical records and their "
                    + "signatures are kept at least " + MINIMUM_YEARS + " years");
        }
        return years;
    }

    static void apply(Connection connection, int years) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE retention_policy SET years = ?")) {
            update.setInt(1, years);
            update.executeUpdate();
        }
    }
}
