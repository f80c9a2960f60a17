package vn.binhduong.sct.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem; {@code errors} lists invalid fields;
 * further members (the numbers behind a refused rule, an error id) are flattened into the object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors" })
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://sct.binhduong.gov.vn/problems/";

    public final String type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    public final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(String slug, String title, int status, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        this.type = slug.startsWith("http") ? slug : TYPE_BASE + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** One invalid input: the field's path as the client sent it (e.g. {@code members[2].name}) and why. */
    public record FieldError(String field, String message) {
    }
}
