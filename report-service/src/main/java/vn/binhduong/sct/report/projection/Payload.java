package vn.binhduong.sct.report.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.binhduong.sct.platform.events.EventEnvelope;

/** Tolerant reads of an event: a path may name a payload field ({@code a.b}) or an envelope field ({@code $aggregateId}). */
final class Payload {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    private Payload() {
    }

    static JsonNode node(EventEnvelope e, String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("=")) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(path.substring(1));
        }
        switch (path) {
            case "$aggregateId":
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(e.aggregateId());
            case "$organization":
                return e.organization() == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(e.organization());
            case "$type":
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(e.type());
            default:
                break;
        }
        for (String alternative : path.split("\\|")) {
            JsonNode n = e.payload();
            for (String part : alternative.trim().split("\\.")) {
                if (n != null && n.isArray() && part.matches("\\d+")) {
                    n = n.get(Integer.parseInt(part));
                } else {
                    n = n == null ? null : n.get(part);
                }
            }
            if (n != null && !n.isNull() && !n.isMissingNode()) {
                return n;
            }
        }
        return null;
    }

    static String text(EventEnvelope e, String path) {
        JsonNode n = node(e, path);
        return n == null ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    /** A number; {@code =1} is the constant 1; a boolean counts 1 or 0; an array counts its elements. */
    static BigDecimal number(EventEnvelope e, String path) {
        if (path != null && path.startsWith("=")) {
            return new BigDecimal(path.substring(1));
        }
        JsonNode n = node(e, path);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (n.isArray()) {
            return BigDecimal.valueOf(n.size());
        }
        try {
            return new BigDecimal(n.asText().trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static LocalDate date(EventEnvelope e, String path) {
        String t = text(e, path);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return t.length() > 10 ? OffsetDateTime.parse(t).toLocalDate() : LocalDate.parse(t);
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    /** A year from an int field, a date, or a period such as {@code 2021}, {@code 2021-Q4}, {@code 2021-12}. */
    static Integer year(EventEnvelope e, String path) {
        JsonNode n = node(e, path);
        if (n == null) {
            return null;
        }
        if (n.isInt()) {
            return n.intValue();
        }
        Matcher m = YEAR.matcher(n.asText());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Replaces {@code ${path}} in a key template with payload values. */
    static String fill(EventEnvelope e, String template) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String path = m.group(1);
            boolean slug = path.endsWith(":slug");
            String v = text(e, slug ? path.substring(0, path.length() - 5) : path);
            if (v == null || v.isBlank()) {
                return null;
            }
            v = v.trim();
            m.appendReplacement(sb, Matcher.quoteReplacement(slug ? vn.binhduong.sct.report.domain.Rating.slug(v) : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
