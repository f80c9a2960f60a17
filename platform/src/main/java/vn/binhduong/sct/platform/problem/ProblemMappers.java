package vn.binhduong.sct.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import vn.binhduong.sct.platform.text.LogSafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves as {@code application/problem+json}: validation (400, one entry per field), malformed JSON (400),
 * refused rules (422), not found (404), conflicts from stale versions and unique keys (409), and anything unexpected
 * as a 500 carrying an id that is logged with the stack trace, which the client never sees.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return respond(new Problem("validation", "Invalid input", 400, detail, path(uri), errors, null));
    }

    @ServerExceptionMapper
    public Response validationSetup(ValidationException e, UriInfo uri) {
        if (e instanceof ConstraintViolationException cve) {
            return validation(cve, uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(badJson(e, uri));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return respond(badJson(e, uri));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return respond(badJson(e, uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem("unauthorized", "Unauthorized", 401,
                "a valid bearer token is required", path(uri), null, null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(new UnauthorizedException(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", "Forbidden", 403, "your roles do not allow this", path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        ProblemException wrapped = find(e, ProblemException.class);
        if (wrapped != null) {
            return problem(wrapped, uri);
        }
        JsonProcessingException badJson = find(e, JsonProcessingException.class);
        if (badJson != null) {
            return respond(badJson(badJson, uri));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; for the client it is bad input.
            return respond(new Problem("validation", "Invalid input", 400,
                    "a path or query parameter has a value that cannot be read (text where a number, a date or an id is "
                            + "expected, or a number out of range)", path(uri), null, null));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String reason = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no resource at " + path(uri)
                : status == 405 ? "this method is not allowed on " + path(uri)
                : status == 415 ? "send application/json"
                : e.getMessage();
        return respond(new Problem(slug(reason), reason, status, detail, path(uri), null, null));
    }

    /** Anything else: classify by cause (stale version, unique key, rule) or answer 500 with a logged error id. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        ProblemException problem = find(e, ProblemException.class);
        if (problem != null) {
            return problem(problem, uri);
        }
        ConstraintViolationException cve = find(e, ConstraintViolationException.class);
        if (cve != null) {
            return validation(cve, uri);
        }
        if (isOptimisticLock(e)) {
            return respond(new Problem("stale-version", "Conflict", 409,
                    "someone else changed this record since you read it; read it again and retry", path(uri), null, null));
        }
        if (DatabaseErrors.unavailable(e)) {
            return Response.fromResponse(respond(new Problem("database-unavailable", "Service unavailable", 503,
                    "the database cannot be reached just now; nothing was changed; retry in a few seconds", path(uri),
                    null, null))).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        SQLException sql = find(e, SQLException.class);
        if (sql != null && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("22")) {
                return respond(new Problem("invalid-data", "Invalid input", 400, dataError(state), path(uri), null,
                        Map.of("sqlState", state)));
            }
            String constraint = constraintName(e);
            if ("23505".equals(state)) {
                return respond(new Problem("duplicate", "Conflict", 409,
                        "a record with the same key already exists", path(uri), null,
                        constraint == null ? null : Map.of("constraint", constraint)));
            }
            if ("23503".equals(state) || "23514".equals(state) || "23502".equals(state)) {
                return respond(new Problem("integrity", "Conflict", 409,
                        "the change would break a reference or a rule of the stored data", path(uri), null,
                        constraint == null ? null : Map.of("constraint", constraint)));
            }
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", id, LogSafe.of(path(uri)));
        return respond(new Problem("internal", "Internal error", 500,
                "something went wrong on our side; quote error id " + id + " when you report it", path(uri), null,
                Map.of("errorId", id)));
    }

    static Problem badJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = sb.toString();
        }
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof vn.binhduong.sct.platform.text.UnstorableValueException) {
            message = e.getOriginalMessage();
        } else if (e instanceof InvalidFormatException ife) {
            message = "cannot read '" + ife.getValue() + "' as " + ife.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = "expected " + describe(mie.getTargetType());
        } else if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            message = "the body nests too deeply, or holds a number or text too long to read";
        } else {
            message = "malformed JSON: " + plain(e.getOriginalMessage());
        }
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null : List.of(new Problem.FieldError(field, message));
        return new Problem("malformed-body", "Malformed request body", 400,
                field == null || field.isEmpty() ? message : field + ": " + message, path(uri), errors, null);
    }

    /** A parser message without the library's hints (class and setting names) a client cannot act on. */
    static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.replaceAll("\\(?[^()]*(StreamReadConstraints|com\\.fasterxml|JsonReadFeature)[^()]*\\)?", "")
                .replaceAll("\\s+", " ").strip();
        int cut = m.indexOf(" at [Source");
        return cut >= 0 ? m.substring(0, cut) : m;
    }

    private static String dataError(String state) {
        return switch (state) {
            case "22021" -> "the text holds a character that cannot be stored (a NUL or an invalid byte)";
            case "22003" -> "a number is out of the range that can be stored";
            case "22001" -> "a text is longer than can be stored";
            case "22007", "22008" -> "a date or time is out of range or not a valid date";
            case "22P02" -> "a value has the wrong form for its field";
            case "22P05" -> "the text holds a character that cannot be stored";
            default -> "a value cannot be stored as given";
        };
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName();
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String n = t.getClass().getName();
            if (n.equals("jakarta.persistence.OptimisticLockException") || n.equals("org.hibernate.StaleObjectStateException")
                    || n.equals("org.hibernate.StaleStateException") || n.endsWith("OptimisticEntityLockException")) {
                return true;
            }
        }
        return false;
    }

    private static String constraintName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException h && h.getConstraintName() != null) {
                return h.getConstraintName();
            }
        }
        return null;
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** {@code create.request.members[2].name} becomes {@code members[2].name}: the path as the client wrote it. */
    static String fieldPath(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                if (node.getKind() == ElementKind.PARAMETER && isQueryLike(path)) {
                    sb.append(node.getName());
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** A violation on a method parameter itself (a query or path parameter) has no deeper node. */
    private static boolean isQueryLike(Path path) {
        int n = 0;
        Path.Node last = null;
        for (Path.Node node : path) {
            n++;
            last = node;
        }
        return n == 2 && last != null && last.getKind() == ElementKind.PARAMETER;
    }

    private static String slug(String reason) {
        return reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The request path for the problem's {@code instance}; never throws (a path may hold a broken escape). */
    static String path(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return "/" + uri.getPath().replaceFirst("^/", "");
        } catch (RuntimeException undecodable) {
            try {
                return uri.getRequestUri().getRawPath();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static Response respond(Problem p) {
        return Response.status(p.status).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
