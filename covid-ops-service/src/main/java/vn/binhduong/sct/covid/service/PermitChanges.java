package vn.binhduong.sct.covid.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The revoked permit ids, in memory and current, so that a verification of a permit that is not revoked does not read
 * its row: the database tells every instance of each revocation (and deletion of a permit row, which no code here does)
 * and each key change at commit (the triggers of migration V6 {@code pg_notify} on channel {@value #CHANNEL}, whoever
 * wrote it: this instance, another one, an operator's SQL), and this class listens on a connection of its own.
 *
 * <ul>
 * <li>The set may hold more than the revoked ids, never fewer: an id in it sends the verification to the permit's row,
 * which has the last word. So the revoking instance adds the id before its transaction commits (a rollback leaves an
 * id that only costs row reads), and nothing is ever removed.</li>
 * <li>At each (re)connection it first LISTENs, then reads every revoked id, so a revocation committed in between is in
 * the read or arrives as a notification; key changes (and each reconnection) empty {@link PermitKeys}' cache of public
 * keys, so a retirement is seen at once on every instance.</li>
 * <li>The listening connection makes a round trip every {@value #HEARTBEAT_MILLIS} ms; the database delivers the
 * notifications already committed before it answers. The set is trusted ({@link #revoked} not null) only while the
 * last round trip is younger than {@value #TRUSTED_MILLIS} ms: otherwise (not yet loaded, connection lost or hanging,
 * database away) each verification reads the permit's row, as before, until the listener has reconnected and
 * reloaded. A revocation committed on another instance is heard within milliseconds; the trust window bounds how late
 * it can be heard if the listening connection hangs without failing.</li>
 * </ul>
 */
@ApplicationScoped
public class PermitChanges {
    private static final Logger LOG = Logger.getLogger(PermitChanges.class);
    static final String CHANNEL = "sct_permit_changes";
    static final int HEARTBEAT_MILLIS = 250;
    static final int TRUSTED_MILLIS = 1_000;

    private final PermitKeys keys;
    private final String url;
    private final String user;
    private final String password;
    private final Set<UUID> revoked = ConcurrentHashMap.newKeySet();
    /** nanoTime of the last round trip on the listening connection; 0 while nothing is loaded. */
    private volatile long confirmedAt;
    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread thread;

    public PermitChanges(PermitKeys keys, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.keys = keys;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        thread = new Thread(this::listen, "permit-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * False when the permit is certainly not revoked; true when it may be (the caller reads the row); null when the set
     * cannot be trusted now (the caller reads the row).
     */
    public Boolean revoked(UUID id) {
        long at = confirmedAt;
        if (at == 0 || System.nanoTime() - at > TRUSTED_MILLIS * 1_000_000L) {
            return null;
        }
        return revoked.contains(id);
    }

    /** Called by a revocation on this instance before it commits: from now on the permit's row is read. */
    void revoking(UUID id) {
        revoked.add(id);
    }

    private void listen() {
        long backoff = 200;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    keys.forgetAll();
                    Set<UUID> now = ConcurrentHashMap.newKeySet();
                    try (ResultSet rs = s.executeQuery("SELECT id FROM permit WHERE status = 'REVOKED'")) {
                        while (rs.next()) {
                            now.add(rs.getObject(1, UUID.class));
                        }
                    }
                    revoked.addAll(now);
                    roundTrip(s, pg);
                    LOG.debugf("Listening for permit changes; %d revoked permits in memory", now.size());
                    backoff = 200;
                    while (running) {
                        apply(pg.getNotifications(HEARTBEAT_MILLIS));
                        if (System.nanoTime() - confirmedAt >= HEARTBEAT_MILLIS * 1_000_000L) {
                            roundTrip(s, pg);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                confirmedAt = 0;
                if (running) {
                    LOG.warnf("Permit changes not heard (%s): verifications read the permit row until reconnected", e.getMessage());
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    backoff = Math.min(5_000, backoff * 2);
                }
            } finally {
                connection = null;
            }
        }
    }

    /** Everything committed before this call has been heard once it returns. */
    private void roundTrip(Statement s, PGConnection pg) throws SQLException {
        long sent = System.nanoTime();
        s.execute("SELECT 1");
        apply(pg.getNotifications());
        confirmedAt = sent;
    }

    private void apply(PGNotification[] notifications) {
        if (notifications == null) {
            return;
        }
        for (PGNotification n : notifications) {
            String p = n.getParameter();
            int colon = p.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String what = p.substring(0, colon);
            String value = p.substring(colon + 1);
            switch (what) {
                case "permit" -> revoked.add(UUID.fromString(value));
                case "key" -> keys.forget(value);
                default -> LOG.debugf("Unknown permit change %s", p);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (!user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "covid-ops-service permit changes");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
