package org.medsign.error;

import jakarta.resource.ResourceException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by medsign's database being unreachable (restarted, failed over, network cut), so that
 * the portal and the API answer it as MS-9003 (try again) rather than as a fault of medsign (MS-9000). The pool
 * validates a connection before it hands it out, so once the database is back the next request works.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True when somewhere in the chain of causes the database could not be reached or dropped the connection. */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 64; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P (the server shutting down, crashed or not yet accepting). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** The first SQLSTATE in the chain, for a log line that names the fault without any data of the request. */
    public static String state(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 64; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }
}
