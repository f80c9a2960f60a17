package vn.binhduong.sct.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * An opaque keyset cursor ({@code ?after=}): the sort key of the last item a client has seen, as base64url text. It
 * names a position in a stable order on an index, so the next page is an index range scan however deep the client
 * is. Clients must treat it as opaque; the format may change (it carries a version letter).
 */
public final class Cursor {
    private static final String VERSION = "1";
    private static final char SEPARATOR = '\u001f';

    private final List<String> keys;

    private Cursor(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A cursor after the item whose sort key is {@code keys} (in the order the list sorts by). */
    public static String after(Object... keys) {
        StringBuilder sb = new StringBuilder(VERSION);
        for (Object k : keys) {
            String s = String.valueOf(k);
            if (s.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("cursor key holds the separator: " + s);
            }
            sb.append(SEPARATOR).append(s);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor made by {@link #after}; {@code arity} is the number of keys the list sorts by. A cursor that is
     * not one of ours is a 400 problem on the {@code after} parameter, never a 500.
     */
    public static Cursor parse(String token, int arity) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("after", "not a cursor returned by this list");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (parts.size() != arity + 1 || !VERSION.equals(parts.get(0))) {
            throw ProblemException.invalid("after", "not a cursor returned by this list");
        }
        return new Cursor(parts.subList(1, parts.size()));
    }

    public String string(int i) {
        return keys.get(i);
    }

    public long longValue(int i) {
        try {
            return Long.parseLong(keys.get(i));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("after", "not a cursor returned by this list");
        }
    }

    public java.util.UUID uuid(int i) {
        try {
            return java.util.UUID.fromString(keys.get(i));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("after", "not a cursor returned by this list");
        }
    }

    public java.time.LocalDate date(int i) {
        try {
            return java.time.LocalDate.parse(keys.get(i));
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("after", "not a cursor returned by this list");
        }
    }
}
