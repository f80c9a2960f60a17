package vn.binhduong.sct.indicator.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import vn.binhduong.sct.indicator.service.Preconditions;

/** Responses of versioned records carry their version as a strong ETag; {@code If-None-Match} on it gives a 304. */
final class Etags {
    private Etags() {
    }

    static <T> RestResponse<T> ok(T entity, int version, String ifNoneMatch) {
        return respond(entity, version, ifNoneMatch, 200);
    }

    static <T> RestResponse<T> respond(T entity, int version, String ifNoneMatch, int status) {
        EntityTag tag = new EntityTag(String.valueOf(version));
        if (ifNoneMatch != null && matches(ifNoneMatch, version)) {
            return RestResponse.ResponseBuilder.<T>create(Response.Status.NOT_MODIFIED).tag(tag).build();
        }
        return RestResponse.ResponseBuilder.<T>create(status).entity(entity).tag(tag).build();
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match. */
    private static boolean matches(String header, int version) {
        String wanted = Preconditions.etag(version);
        for (String part : header.split(",")) {
            String t = part.strip();
            if (t.equals("*") || t.equals(wanted) || t.equals("W/" + wanted)) {
                return true;
            }
        }
        return false;
    }
}
