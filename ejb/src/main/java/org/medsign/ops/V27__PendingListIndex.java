package org.medsign.ops;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migration 27: an index in the pending list's own order (M22: a person's records, newest first), so a page stops
 * after its rows instead of sorting all of that person's. On PostgreSQL it holds only the rows still to sign, the
 * same condition the list asks, so it stays small as records are signed and the count reads it alone; H2, the demo's
 * embedded database, has no partial indexes and gets the whole index.
 */
final class V27__PendingListIndex extends BaseJavaMigration {

    private static final String INDEX = "CREATE INDEX pending_record_to_sign"
            + " ON pending_record (author, his_modified_at DESC, his_record_id DESC)";

    @Override
    public void migrate(Context context) throws SQLException {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute(postgres ? INDEX + " WHERE signed_version IS NULL OR signed_version <> version" : INDEX);
        }
    }
}
