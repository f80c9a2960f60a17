package vn.binhduong.sct.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The local login's session: {@code base64url(user \n role \n cell \n expiry) . base64url(HMAC-SHA256)} in an
 * HttpOnly, SameSite=Lax cookie (and every form carries a CSRF token). It holds no token: each request mints its own short-lived one.
 */
@ApplicationScoped
public class SessionCookie {
    public static final String NAME = "sct_session";

    private final LocalKeys keys;
    private final DashboardConfig config;

    public SessionCookie(LocalKeys keys, DashboardConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public NewCookie issue(LocalUsers.LocalUser user, boolean secure) {
        long expires = Instant.now().plus(config.sessionTtl()).getEpochSecond();
        String payload = String.join("\n", user.username(), user.role(), user.cell() == null ? "-" : user.cell(),
                Long.toString(expires));
        String body = b64(payload.getBytes(StandardCharsets.UTF_8));
        return cookie(body + "." + b64(mac(body)), (int) config.sessionTtl().toSeconds(), secure);
    }

    public NewCookie clear(boolean secure) {
        return cookie("", 0, secure);
    }

    /** The user of a valid, unexpired cookie; empty for anything else (tampered, expired, malformed). */
    public Optional<LocalUsers.LocalUser> read(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        byte[] sig;
        try {
            sig = Base64.getUrlDecoder().decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sig, mac(body))) {
            return Optional.empty();
        }
        String[] f = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n", -1);
        if (f.length != 4 || Long.parseLong(f[3]) < Instant.now().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new LocalUsers.LocalUser(f[0], f[1], f[2].equals("-") ? null : f[2]));
    }

    private NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.sessionKey(), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
