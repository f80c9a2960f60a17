package vn.binhduong.sct.platformtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Plain SQL reads for assertions on what is really stored. */
final class Db {
    private Db() {
    }

    static long count(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text, or null. */
    static String string(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int execute(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds the parameters in order; an array becomes a SQL array (uuid[] or text[]). */
    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Object[] array) {
                ps.setArray(i + 1, c.createArrayOf(array instanceof java.util.UUID[] ? "uuid" : "text", array));
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    static void awaitCount(DataSource ds, long expected, long timeoutMillis, String sql, Object... params)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (count(ds, sql, params) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }
}
