package vn.binhduong.sct.report.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * HTTP conditional requests (RFC 9110 §13) of report-service. Report versions are immutable and hashed: their strong
 * ETag is the SHA-256 of the bytes served; a figure page's ETag is the SHA-256 of its JSON. {@code If-None-Match}
 * naming it (or {@code *}) gives 304 without a body. A narrative section's ETag is its version ({@code "3"}; {@code "0"}
 * before the first); an update with {@code If-Match} naming another gets 412.
 */
final class HttpCaching {
    private HttpCaching() {
    }

    static String tag(String value) {
        return "\"" + value + "\"";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The strong ETag of a JSON body: what the client would hash. */
    static String jsonTag(Object entity) {
        return tag(sha256(EventJson.toJson(entity).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code If-None-Match} names {@code etag} (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String s = t.strip();
            if (s.equals("*") || s.equals(etag) || s.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static Response notModifiedResponse(String etag) {
        return Response.notModified().header("ETag", etag).build();
    }

    /** 412 unless {@code If-Match} is absent, {@code *}, or names {@code current} (strong comparison). */
    static void requireIfMatch(String ifMatch, String current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String t : ifMatch.split(",")) {
            String s = t.strip();
            if (s.equals("*") || s.equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed", what + " is at ETag " + current
                + ": If-Match does not match; read it again", null, Map.of("etag", current));
    }
}
