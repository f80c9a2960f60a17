package vn.binhduong.sct.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer check of every request, remembered: a token that passed SmallRye JWT's full verification (signature,
 * issuer, times) is not verified again while it stays valid, for at most {@code sct.security.token-cache.ttl}.
 *
 * <p>Why: with the launcher's C1-only JIT an RS256 signature check costs about 0.4 ms of CPU (BigInteger arithmetic
 * without the C2 intrinsics), more than a whole keyset page; a client sends the same token for many requests.
 *
 * <p>What stays true: an entry is keyed by the SHA-256 of the whole token, so only the exact bytes of a token that was
 * verified are accepted (a changed signature, header or claim is another key and is verified in full). A hit is
 * refused to the full check once the token's {@code exp} has passed (or its maximum age, when one is configured), so
 * the cache never accepts a token on time grounds that the full check would refuse. Tokens are not revocable in this
 * system (they are stateless), so the cache changes nothing there. A verification key withdrawn from a JWKS stops
 * being honoured for cached tokens up to one TTL later than for others; SmallRye JWT's own JWKS refresh interval is
 * longer than the default TTL.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {
    private final DefaultJWTParser delegate;
    private final JWTAuthContextInfo context;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokenCache(DefaultJWTParser delegate, JWTAuthContextInfo context, SecurityConfig config, MeterRegistry registry) {
        this.delegate = delegate;
        this.context = context;
        SecurityConfig.TokenCache settings = config.tokenCache();
        if (settings.maxSize() > 0 && !settings.ttl().isZero()) {
            this.verified = Caffeine.newBuilder().maximumSize(settings.maxSize()).expireAfterWrite(settings.ttl()).recordStats().build();
            CaffeineCacheMetrics.monitor(registry, verified, "sct-verified-tokens");
        } else {
            this.verified = null;
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null) {
            return delegate.parse(token);
        }
        String key = key(token);
        JsonWebToken known = verified.getIfPresent(key);
        if (known != null) {
            if (stillValid(known, System.currentTimeMillis() / 1000)) {
                return known;
            }
            verified.invalidate(key);
        }
        JsonWebToken fresh = delegate.parse(token); // throws when the token is not valid: nothing is remembered
        verified.put(key, fresh);
        return fresh;
    }

    /** Whether a token verified earlier is still inside the times the full check would accept without its grace. */
    boolean stillValid(JsonWebToken token, long nowSeconds) {
        long exp = token.getExpirationTime();
        if (exp <= 0 || nowSeconds >= exp) {
            return false;
        }
        Long maxAge = context.getTokenAge();
        return maxAge == null || nowSeconds < token.getIssuedAtTime() + maxAge;
    }

    /** Entries now held (for tests and diagnostics). */
    public long size() {
        return verified == null ? 0 : verified.estimatedSize();
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
