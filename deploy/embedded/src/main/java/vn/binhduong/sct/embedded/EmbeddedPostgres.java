package vn.binhduong.sct.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 server from the zonky binaries, on loopback, with a data directory that survives restarts
 * unless {@code clean} is asked for.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * @param dataDir where the cluster lives (created if missing)
     * @param port    the port, or 0 for a free one
     * @param clean   wipe the data directory first
     */
    public static EmbeddedPostgres start(Path dataDir, int port, boolean clean) {
        try {
            if (clean) {
                DataDirs.delete(dataDir);
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
        EmbeddedPostgres pg = new EmbeddedPostgres(dataDir, port == 0 ? Ports.free() : port);
        pg.startServer();
        return pg;
    }

    private synchronized void startServer() {
        try {
            // zonky's own clean flag would also delete the directory on close; we keep data unless asked.
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("max_connections", "300")
                    // an acknowledged commit is on disk: zonky turns both off for speed, a crash would then lose
                    // commits whose events the relay had already published
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // the server's log holds no stored value: an error's DETAIL repeats the offending key ("Key
                    // (national_id)=(...) already exists") and the failing statement may carry literals
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
    }

    /** Stops the server cleanly (an outage as clients see it), keeping its data; {@link #restart()} brings it back. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts the server again on the same port and data directory (crash recovery runs if it was killed). */
    public synchronized void restart() {
        stop();
        startServer();
    }

    /** Whether the postmaster process lives. */
    public boolean isRunning() {
        long pid = postmasterPid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's process id, from {@code postmaster.pid}; -1 when it is not running. */
    public long postmasterPid() {
        try {
            java.util.List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Kills the postmaster with SIGKILL, as a crash would (for fault drills). Its backends notice and exit; the next
     * {@link #restart()} runs crash recovery from the WAL.
     */
    public synchronized void kill() {
        long pid = postmasterPid();
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        if (server != null) {
            try {
                server.close(); // the server is gone; this releases the data directory's lock for the restart
            } catch (IOException | RuntimeException ignored) {
                // pg_ctl finds no server: expected
            } finally {
                server = null;
            }
        }
    }

    /**
     * Makes the server stop when the process {@code parentPid} ends, however it ends (even SIGKILL): a small shell
     * watcher polls the parent every second and then asks the postmaster for a fast shutdown.
     */
    public void stopWhenGone(long parentPid) {
        long pg = postmasterPid();
        if (pg <= 0) {
            return;
        }
        String script = "while kill -0 " + parentPid + " 2>/dev/null; do sleep 1; done; kill -INT " + pg
                + " 2>/dev/null; exit 0";
        try {
            new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PostgreSQL watcher", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement st = c.createStatement()) {
                            st.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return jdbcUrl(database);
    }

    @Override
    public void close() {
        stop();
    }
}
