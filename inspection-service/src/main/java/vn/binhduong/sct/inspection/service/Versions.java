package vn.binhduong.sct.inspection.service;

import java.util.Map;

import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * Optimistic concurrency for updates: the version a client read travels either in the body ({@code version}) or as
 * {@code If-Match} with the strong ETag the GET returned ({@code "3"}), or both. A mismatching {@code If-Match} is
 * 412 (precondition-failed), a mismatching body version 409 (stale-version), as before.
 */
public final class Versions {
    private Versions() {
    }

    /** The strong ETag value of a version, quoted: {@code "3"}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    public static void check(String what, Object id, int current, Integer bodyVersion, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, current)) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed", what + " " + id
                    + " is at version " + current + " (ETag " + etag(current) + "), If-Match named another",
                    null, Map.of("currentVersion", current, "currentETag", etag(current)));
        }
        if (bodyVersion == null) {
            if (ifMatch == null || ifMatch.isBlank()) {
                throw ProblemException.invalid("version", "required unless the request carries If-Match");
            }
            return;
        }
        if (bodyVersion != current) {
            throw ProblemException.conflict("stale-version", what + " " + id + " is at version " + current
                    + ", the request was made against version " + bodyVersion,
                    Map.of("currentVersion", current, "requestVersion", bodyVersion));
        }
    }

    /** Strong comparison (RFC 9110 §13.1.1): {@code *}, or any listed entity tag equal to ours; weak tags never match. */
    static boolean matches(String ifMatch, int current) {
        String ours = etag(current);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(ours)) {
                return true;
            }
        }
        return false;
    }
}
