package vn.binhduong.sct.platform.problem;

import java.sql.SQLException;

/**
 * Tells a database that cannot be reached (down, restarting, out of connections) from a statement the database
 * refused. The first is nobody's fault and passes: writes answer 503 with Retry-After, the relay and the inbox wait for
 * it and never count it against an event.
 */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    public static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("53300"))) {
                    return true;
                }
                String m = String.valueOf(sql.getMessage());
                if (m.contains("Acquisition timeout") || m.contains("This connection has been closed")
                        || m.contains("Connection refused")) {
                    return true;
                }
            }
            String n = t.getClass().getName();
            if (n.equals("org.hibernate.exception.JDBCConnectionException") || n.equals("java.net.ConnectException")) {
                return true;
            }
        }
        return false;
    }
}
