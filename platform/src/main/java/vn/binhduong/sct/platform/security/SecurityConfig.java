package vn.binhduong.sct.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the bearer check behaves ({@code sct.security.*}); the keys and issuer themselves are {@code mp.jwt.verify.*}. */
@ConfigMapping(prefix = "sct.security")
public interface SecurityConfig {
    TokenCache tokenCache();

    /** Tokens that passed the full verification, remembered by their SHA-256 ({@link VerifiedTokenCache}). */
    interface TokenCache {
        /** Most tokens remembered at once (least recently used go first); 0 verifies every request in full. */
        @WithDefault("10000")
        long maxSize();

        /** Longest a verified token is remembered; it is never accepted past its own {@code exp}. 0 turns it off. */
        @WithDefault("5m")
        Duration ttl();
    }
}
