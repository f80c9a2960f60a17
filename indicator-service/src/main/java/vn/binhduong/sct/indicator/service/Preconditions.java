package vn.binhduong.sct.indicator.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * HTTP conditional requests on versioned records (RFC 9110 §13): the ETag of a record is its {@code version} as a
 * strong entity tag ({@code "3"}); an update may carry {@code If-Match} next to (or instead of) the body's
 * {@code version}, and gets a 412 problem when none of the tags is the current version.
 */
public final class Preconditions {
    private Preconditions() {
    }

    /** The strong ETag of a version: {@code "3"}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * Parses an {@code If-Match} header: null when absent; {@code *} matches any existing record; otherwise a list
     * of strong tags. A weak tag ({@code W/"3"}) never matches (strong comparison); anything else is a 400.
     */
    public static IfMatch ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        if (h.equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<Integer> versions = new ArrayList<>();
        for (String part : h.split(",")) {
            String t = part.strip();
            if (t.startsWith("W/\"") && t.endsWith("\"") && t.length() >= 4) {
                versions.add(null);
                continue;
            }
            if (t.length() < 3 || !t.startsWith("\"") || !t.endsWith("\"")) {
                throw ProblemException.invalid("If-Match", "expected an entity tag as sent in ETag, e.g. \"3\"");
            }
            try {
                versions.add(Integer.parseInt(t.substring(1, t.length() - 1)));
            } catch (NumberFormatException e) {
                versions.add(null); // a tag that is not one of ours matches nothing
            }
        }
        return new IfMatch(false, versions);
    }

    /** A parsed {@code If-Match}. */
    public record IfMatch(boolean any, List<Integer> versions) {
        /** 412 {@code precondition-failed} unless {@code current} (null: no such record yet) is matched. */
        public void require(Integer current, String what) {
            boolean ok = current != null && (any || versions.contains(current));
            if (!ok) {
                throw new ProblemException(412, "precondition-failed", "Precondition failed",
                        current == null ? what + " does not exist yet: If-Match cannot match it"
                                : what + " is at version " + current + " (ETag " + etag(current)
                                        + "): If-Match does not match; read it again",
                        null, current == null ? Map.of() : Map.of("currentVersion", current, "etag", etag(current)));
            }
        }
    }
}
