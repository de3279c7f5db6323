package org.medsign.ops;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migration 25 (Flyway takes a Java migration's version and description from its class name): on PostgreSQL, the database itself refuses to delete a stored signature, an institution signature or
 * an audit row younger than the retention period, and refuses TRUNCATE of those tables, whoever asks (the
 * application, a job, a DBA's mistaken script). H2, the demo's embedded database, has no such guard.
 */
final class V25__RetentionGuard extends BaseJavaMigration {

    /** Each guarded table and the column that dates its rows. */
    private static final String[][] GUARDED = {
            {"record_signature", "created_at"}, {"institution_signature", "created_at"}, {"audit_event", "occurred_at"}};

    @Override
    public void migrate(Context context) throws SQLException {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    CREATE FUNCTION medsign_retention_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'TRUNCATE' THEN
                            RAISE EXCEPTION 'medsign retention: % cannot be truncated', TG_TABLE_NAME
                                USING ERRCODE = 'integrity_constraint_violation';
                        END IF;
                        IF (to_jsonb(OLD) ->> TG_ARGV[0])::timestamptz
                                > now() - make_interval(years => (SELECT years FROM retention_policy)) THEN
                            RAISE EXCEPTION 'medsign retention: % row % is inside the retention period', TG_TABLE_NAME, OLD.id
                                USING ERRCODE = 'integrity_constraint_violation';
                        END IF;
                        RETURN OLD;
                    END $$""");
            for (String[] table : GUARDED) {
                sql.execute("CREATE TRIGGER " + table[0] + "_retention BEFORE DELETE ON " + table[0]
                        + " FOR EACH ROW EXECUTE FUNCTION medsign_retention_guard('" + table[1] + "')");
                sql.execute("CREATE TRIGGER " + table[0] + "_no_truncate BEFORE TRUNCATE ON " + table[0]
                        + " FOR EACH STATEMENT EXECUTE FUNCTION medsign_retention_guard('" + table[1] + "')");
            }
        }
    }
}
