package vn.binhduong.sct.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Removes expired Idempotency-Keys on a schedule ({@code sct.idempotency.cleanup-every}, default 10 minutes). */
@ApplicationScoped
public class IdempotencyCleanup {
    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    private final DataSource dataSource;
    private final Duration every;
    private ScheduledExecutorService timer;

    public IdempotencyCleanup(DataSource dataSource,
            @ConfigProperty(name = "sct.idempotency.cleanup-every", defaultValue = "10M") Duration every) {
        this.dataSource = dataSource;
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-cleanup");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::removeExpired, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Deletes every key past its expiry; returns how many. */
    public int removeExpired() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_key WHERE expires_at < now()")) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("idempotency clean-up skipped: %s", e.toString());
            return 0;
        }
    }
}
