package vn.binhduong.sct.platform.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import vn.binhduong.sct.platform.problem.Problem;

/**
 * The first thing every request meets, before routing: a request target that is too long, that holds a broken
 * percent escape, invalid UTF-8 or a character no database can store (NUL, other control characters in the path), a
 * body larger than its endpoint class allows (ordinary JSON small, bulk uploads large), or a caller over its rate
 * are each answered here with a problem, so no resource and no database ever sees them.
 */
@ApplicationScoped
public class EdgeFilter {
    private final EdgeConfig config;
    private final ObjectMapper mapper;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public EdgeFilter(EdgeConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 1000);
    }

    /**
     * What the HTTP server refuses before any filter runs (a path it cannot decode, a header block too large) is
     * answered as a problem too, instead of an empty body.
     */
    void failures(@Observes io.vertx.ext.web.Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (ctx.response().headWritten() || status < 400 || status >= 500 || ctx.failure() != null) {
                ctx.next();
                return;
            }
            String detail = switch (status) {
                case 400 -> "the request cannot be read (a path with a broken percent escape, or malformed HTTP)";
                case 413 -> "the body is larger than this endpoint accepts";
                case 414 -> "the request target is too long";
                case 431 -> "the request headers are too large";
                default -> "the request was refused";
            };
            refuse(ctx, status, status == 400 ? "bad-request" : "refused", status == 400 ? "Bad request" : "Refused", detail);
        });
    }

    void filter(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String uri = req.uri();
        if (uri.length() > config.maxUriLength()) {
            refuse(ctx, 414, "uri-too-long", "URI too long", "the request target is longer than "
                    + config.maxUriLength() + " characters; send long filters in a request body");
            return;
        }
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? null : uri.substring(q + 1);
        String pathProblem = check(rawPath, true);
        if (pathProblem != null) {
            refuse(ctx, 400, "bad-request-target", "Bad request", "the path " + pathProblem);
            return;
        }
        if (rawQuery != null) {
            String queryProblem = check(rawQuery, false);
            if (queryProblem != null) {
                refuse(ctx, 400, "bad-request-target", "Bad request", "the query " + queryProblem);
                return;
            }
        }
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(ctx, 400, "bad-request", "Bad request", "Content-Length is not a number");
                return;
            }
            boolean upload = isUpload(req.getHeader(HttpHeaders.CONTENT_TYPE));
            long limit = upload ? config.maxUploadBytes() : config.maxBodyBytes();
            if (bytes > limit) {
                refuse(ctx, 413, "body-too-large", "Payload too large", "the body has " + bytes + " bytes; "
                        + (upload ? "uploads" : "requests of this kind") + " may have at most " + limit);
                return;
            }
        }
        if (config.rateLimit().perSecond() > 0 && rawPath.startsWith("/api/")) {
            String caller = caller(req);
            Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(config.rateLimit().burst()));
            long waitMs = bucket.take(config.rateLimit().perSecond(), config.rateLimit().burst());
            if (waitMs > 0) {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (waitMs + 999) / 1000)));
                refuse(ctx, 429, "too-many-requests", "Too many requests", "more than "
                        + config.rateLimit().perSecond() + " requests a second from this caller; retry later");
                return;
            }
            if (buckets.size() > 50_000) {
                buckets.clear(); // callers come and go; a full bucket is what a new caller gets anyway
            }
        }
        ctx.next();
    }

    boolean isUpload(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(java.util.Locale.ROOT).trim();
        return config.uploadTypes().stream().anyMatch(t::startsWith);
    }

    /**
     * What is wrong with a raw path or query, in words, or {@code null}: every {@code %} starts two hex digits, the
     * decoded bytes are UTF-8, and they hold no NUL (nor, in a path, any other control character).
     */
    static String check(String raw, boolean path) {
        byte[] bytes = new byte[raw.length() * 3]; // a char is at most 3 bytes of UTF-8 (a surrogate pair 4 for 2)
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return "holds a '%' that does not start a percent escape (%XX)";
                }
                bytes[n++] = (byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7f) {
                byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(enc, 0, bytes, n, enc.length);
                n += enc.length;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n));
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8 once decoded";
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == 0) {
                return "holds a NUL character";
            }
            if (path && (c < 0x20 || c == 0x7f)) {
                return "holds a control character";
            }
        }
        return null;
    }

    private static String caller(HttpServerRequest req) {
        String auth = req.getHeader(HttpHeaders.AUTHORIZATION);
        if (auth != null && !auth.isBlank()) {
            return "t:" + Integer.toHexString(auth.hashCode()) + ":" + auth.length();
        }
        return "a:" + (req.remoteAddress() == null ? "?" : req.remoteAddress().hostAddress());
    }

    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        Problem p = new Problem(slug, title, status, detail, null, null, null);
        String body;
        try {
            body = mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 413 || status == 414) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(body);
    }

    /** A token bucket: {@code take} answers 0 when a request may go, else the milliseconds until one may. */
    static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        synchronized long take(int perSecond, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 1000.0 / perSecond);
        }
    }
}
