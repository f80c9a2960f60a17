package vn.binhduong.sct.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.binhduong.sct.platform.problem.Problem;

/**
 * {@code Idempotency-Key} on POST (DESIGN.md §4). Before the request runs, its key is reserved for the caller
 * ({@code IN_PROGRESS}, one row per caller and key, inserted or not in one statement), so of concurrent retries exactly
 * one runs and the others wait for its answer (or get 409 if it takes longer than {@code sct.idempotency.wait}).
 * The first answer is kept and returned again, byte for byte, for every retry. The key's scope is the method, the path
 * and the query; the same key with another scope or another body (by its SHA-256) is a 422. Answers of 5xx are not
 * kept, so a retry after a server error runs again; a reservation whose request died with its process is taken over
 * after {@code sct.idempotency.abandoned-after}. Keys expire after {@code sct.idempotency.ttl}
 * ({@link IdempotencyCleanup}).
 */
public class IdempotencyFilters {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String OWNER = IdempotencyFilters.class.getName() + ".owner";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilters.class);

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private final Duration wait;
    private final Duration abandonedAfter;

    public IdempotencyFilters(DataSource dataSource, ObjectMapper mapper,
            @ConfigProperty(name = "sct.idempotency.ttl", defaultValue = "24H") Duration ttl,
            @ConfigProperty(name = "sct.idempotency.wait", defaultValue = "10S") Duration wait,
            @ConfigProperty(name = "sct.idempotency.abandoned-after", defaultValue = "60S") Duration abandonedAfter) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.ttl = ttl;
        this.wait = wait;
        this.abandonedAfter = abandonedAfter;
    }

    @ServerRequestFilter(readBody = true)
    public Optional<Response> reserveOrReplay(ContainerRequestContext ctx) throws SQLException, IOException {
        String key = key(ctx);
        if (key == null) {
            return Optional.empty();
        }
        if (key.length() > 200) {
            return Optional.of(problem(400, "validation", "Idempotency-Key is longer than 200 characters"));
        }
        byte[] body;
        try (InputStream in = ctx.getEntityStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        ctx.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = sha256(body);
        String caller = caller(ctx);
        String scope = scope(ctx);
        long deadline = System.nanoTime() + wait.toNanos();
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                if (reserve(c, caller, key, ctx.getMethod(), scope, fingerprint)) {
                    ctx.setProperty(OWNER, key);
                    return Optional.empty();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT path, fingerprint, state, status, content_type, body, location,
                               created_at < now() - make_interval(secs => ?) AS abandoned, expires_at < now() AS expired
                          FROM idempotency_key WHERE caller = ? AND idem_key = ?""")) {
                    ps.setDouble(1, abandonedAfter.toMillis() / 1000.0);
                    ps.setString(2, caller);
                    ps.setString(3, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            continue; // expired and removed in between: reserve again
                        }
                        if (rs.getBoolean(9) || (rs.getString(3).equals("IN_PROGRESS") && rs.getBoolean(8))) {
                            delete(c, caller, key, rs.getBoolean(9) ? null : "IN_PROGRESS");
                            continue;
                        }
                        if (!rs.getString(1).equals(scope)) {
                            return Optional.of(problem(422, "idempotency-key-reused", "this Idempotency-Key was used for "
                                    + rs.getString(1) + "; use a new key for a new request"));
                        }
                        if (rs.getString(2) != null && !rs.getString(2).equals(fingerprint)) {
                            return Optional.of(problem(422, "idempotency-key-reused", "this Idempotency-Key was used "
                                    + "with a different body; use a new key for a new request"));
                        }
                        if (rs.getString(3).equals("DONE")) {
                            Response.ResponseBuilder b = Response.status(rs.getInt(4)).header(REPLAYED, "true");
                            byte[] stored = rs.getBytes(6);
                            if (stored != null) {
                                b.entity(stored).type(rs.getString(5));
                            }
                            if (rs.getString(7) != null) {
                                b.header(HttpHeaders.LOCATION, rs.getString(7));
                            }
                            return Optional.of(b.build());
                        }
                    }
                }
                if (System.nanoTime() > deadline) {
                    return Optional.of(Response.fromResponse(problem(409, "idempotency-key-in-progress",
                            "a request with this Idempotency-Key is still running; retry in a moment"))
                            .header(HttpHeaders.RETRY_AFTER, "1").build());
                }
                sleep(50);
            }
        }
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext req, ContainerResponseContext resp) {
        Object key = req.getProperty(OWNER);
        if (key == null) {
            return;
        }
        String caller = caller(req);
        try (Connection c = dataSource.getConnection()) {
            if (resp.getStatus() >= 500) {
                delete(c, caller, key.toString(), "IN_PROGRESS");
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE idempotency_key SET state = 'DONE', status = ?, content_type = ?, body = ?, location = ?
                     WHERE caller = ? AND idem_key = ?""")) {
                Object entity = resp.getEntity();
                byte[] body = entity == null ? null : entity instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(entity);
                ps.setInt(1, resp.getStatus());
                ps.setString(2, resp.getMediaType() == null ? "application/json" : resp.getMediaType().toString());
                ps.setBytes(3, body);
                Object location = resp.getHeaders().getFirst(HttpHeaders.LOCATION);
                ps.setString(4, location == null ? null : location.toString());
                ps.setString(5, caller);
                ps.setString(6, key.toString());
                ps.executeUpdate();
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // The request itself succeeded; the reservation is taken over once abandoned, and the retry runs again.
            LOG.warnf("could not keep the response for an Idempotency-Key: %s", e.toString());
        }
    }

    private boolean reserve(Connection c, String caller, String key, String method, String scope, String fingerprint)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_key (caller, idem_key, method, path, fingerprint, state, expires_at)
                VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', now() + make_interval(secs => ?)) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            ps.setString(3, method);
            ps.setString(4, scope);
            ps.setString(5, fingerprint);
            ps.setDouble(6, ttl.toSeconds());
            return ps.executeUpdate() == 1;
        }
    }

    private static void delete(Connection c, String caller, String key, String onlyInState) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_key WHERE caller = ? AND idem_key = ?"
                + (onlyInState == null ? "" : " AND state = ?"))) {
            ps.setString(1, caller);
            ps.setString(2, key);
            if (onlyInState != null) {
                ps.setString(3, onlyInState);
            }
            ps.executeUpdate();
        }
    }

    private static String key(ContainerRequestContext ctx) {
        if (!"POST".equals(ctx.getMethod())) {
            return null;
        }
        String key = ctx.getHeaderString(HEADER);
        return key == null || key.isBlank() ? null : key.trim();
    }

    private static String caller(ContainerRequestContext ctx) {
        var principal = ctx.getSecurityContext() == null ? null : ctx.getSecurityContext().getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    /** Method, path and query: what a retry must repeat for the key to answer it. */
    private static String scope(ContainerRequestContext ctx) {
        var uri = ctx.getUriInfo().getRequestUri();
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Response problem(int status, String slug, String detail) {
        String title = switch (status) {
            case 400 -> "Invalid input";
            case 409 -> "Conflict";
            default -> "Rule violated";
        };
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(slug, title, status, detail, null, null, null)).build();
    }
}
