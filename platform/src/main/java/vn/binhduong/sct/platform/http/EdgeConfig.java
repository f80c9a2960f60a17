package vn.binhduong.sct.platform.http;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the edge of every service refuses before a request reaches a resource ({@code sct.http.*}). */
@ConfigMapping(prefix = "sct.http")
public interface EdgeConfig {
    /** Longest request target (path and query) in characters; longer is a 414 problem. */
    @WithDefault("8192")
    int maxUriLength();

    /** Largest body of an ordinary request (JSON), by its Content-Length; larger is a 413 problem. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Largest body of a bulk upload (CSV, NDJSON, multipart, octet-stream). */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** Content types (prefixes) that count as bulk uploads. */
    @WithDefault("text/csv,application/x-ndjson,application/ndjson,multipart/,application/octet-stream,text/plain")
    List<String> uploadTypes();

    RateLimit rateLimit();

    interface RateLimit {
        /** Requests per second each caller (token, or address without one) may make on /api; 0 turns it off. */
        @WithDefault("1000")
        int perSecond();

        /** Requests a caller may make at once above the steady rate. */
        @WithDefault("2000")
        int burst();
    }
}
