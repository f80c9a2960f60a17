package vn.binhduong.sct.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal a client can act on, thrown from the domain or service layer and rendered as a problem response.
 * Use the factories: they fix the status and the stable type for each kind.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** 404: the thing named by the path does not exist. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null,
                Map.of("resource", what, "id", String.valueOf(id)));
    }

    /** 409: the request clashes with the current state (a duplicate, a stale version, a locked period). */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, null, null);
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, slug, "Conflict", detail, null, extensions);
    }

    /** 422: well-formed input that a domain rule refuses; {@code extensions} carry the numbers behind it. */
    public static ProblemException ruleViolated(String slug, String detail, Map<String, Object> extensions) {
        return new ProblemException(422, slug, "Rule violated", detail, null, extensions);
    }

    /** 400: invalid input not caught by Bean Validation (a cross-field check). */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    /** 403: authenticated, but this caller may not do this to this record (e.g. another cell's member). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    public Problem toProblem(String instance) {
        return new Problem(slug, title, status, getMessage(), instance, errors, extensions);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
