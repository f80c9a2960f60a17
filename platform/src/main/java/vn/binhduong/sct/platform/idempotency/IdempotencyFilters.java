package vn.binhduong.sct.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.binhduong.sct.platform.problem.Problem;

/**
 * {@code Idempotency-Key} on POST (DESIGN.md §4): the first response to a key is kept per caller and returned again,
 * byte for byte, for every retry with that key, without running the request again. A key reused for another path is
 * refused. Responses of 5xx are not kept, so a retry after a server error runs again.
 */
public class IdempotencyFilters {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilters.class);

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public IdempotencyFilters(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @ServerRequestFilter
    public Optional<Response> replay(ContainerRequestContext ctx) throws SQLException {
        String key = key(ctx);
        if (key == null) {
            return Optional.empty();
        }
        if (key.length() > 200) {
            return Optional.of(problem(400, "validation", "Idempotency-Key is longer than 200 characters"));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT path, status, content_type, body, location FROM idempotency_key
                      WHERE caller = ? AND idem_key = ?""")) {
            ps.setString(1, caller(ctx));
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(path(ctx))) {
                    return Optional.of(problem(422, "idempotency-key-reused",
                            "this Idempotency-Key was used for " + rs.getString(1) + "; use a new key for a new request"));
                }
                Response.ResponseBuilder b = Response.status(rs.getInt(2)).header(REPLAYED, "true");
                byte[] body = rs.getBytes(4);
                if (body != null) {
                    b.entity(body).type(rs.getString(3));
                }
                if (rs.getString(5) != null) {
                    b.header(HttpHeaders.LOCATION, rs.getString(5));
                }
                return Optional.of(b.build());
            }
        }
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext req, ContainerResponseContext resp) {
        String key = key(req);
        if (key == null || key.length() > 200 || resp.getStatus() >= 500 || resp.getHeaderString(REPLAYED) != null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO idempotency_key (caller, idem_key, method, path, status, content_type, body, location)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            Object entity = resp.getEntity();
            byte[] body = entity == null ? null : entity instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(entity);
            ps.setString(1, caller(req));
            ps.setString(2, key);
            ps.setString(3, req.getMethod());
            ps.setString(4, path(req));
            ps.setInt(5, resp.getStatus());
            ps.setString(6, resp.getMediaType() == null ? "application/json" : resp.getMediaType().toString());
            ps.setBytes(7, body);
            Object location = resp.getHeaders().getFirst(HttpHeaders.LOCATION);
            ps.setString(8, location == null ? null : location.toString());
            ps.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // The request itself succeeded; a retry with this key will simply run again.
            LOG.warnf("could not keep the response for Idempotency-Key %s: %s", key, e.toString());
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

    private static String path(ContainerRequestContext ctx) {
        return "/" + ctx.getUriInfo().getPath().replaceFirst("^/", "");
    }

    private static Response problem(int status, String slug, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(slug, status == 400 ? "Invalid input" : "Rule violated", status, detail, null, null, null))
                .build();
    }
}
