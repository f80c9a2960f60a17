package vn.binhduong.sct.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The launcher's signing key, read once: it signs the short-lived tokens the dashboard sends to the APIs for a local
 * user, and a key derived from it (never the key itself) signs the session cookie.
 */
@ApplicationScoped
public class LocalKeys {
    private final DashboardConfig config;
    private volatile PrivateKey key;
    private volatile byte[] sessionKey;

    public LocalKeys(DashboardConfig config) {
        this.config = config;
    }

    /** A token for the user in the shape the services verify: issuer, subject, upn, roles in groups, cell. */
    public String token(LocalUsers.LocalUser user) {
        PrivateKey k = key();
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(config.local().issuer()).subject(user.username()).upn(user.username())
                .groups(Set.of(user.role())).issuedAt(now).expiresAt(now.plus(config.local().tokenTtl()));
        if (user.cell() != null) {
            claims.claim("cell", user.cell());
        }
        return claims.jws().algorithm(algorithm(k)).sign(k);
    }

    /** HMAC key of the session cookie: SHA-256 over a label and the private key's encoding. */
    public byte[] sessionKey() {
        byte[] s = sessionKey;
        if (s == null) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update("sct-dashboard-session-v1".getBytes(StandardCharsets.US_ASCII));
                d.update(key().getEncoded());
                s = sessionKey = d.digest();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return s;
    }

    static SignatureAlgorithm algorithm(PrivateKey k) {
        if (k instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits > 384 ? SignatureAlgorithm.ES512 : bits > 256 ? SignatureAlgorithm.ES384 : SignatureAlgorithm.ES256;
        }
        return SignatureAlgorithm.RS256;
    }

    private PrivateKey key() {
        PrivateKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = read(Path.of(config.local().signingKey()
                            .orElseThrow(() -> new IllegalStateException("sct.dashboard.local.signing-key is not set"))));
                }
                k = key;
            }
        }
        return k;
    }

    static PrivateKey read(Path pem) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").trim());
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(spec);
            } catch (GeneralSecurityException notRsa) {
                return KeyFactory.getInstance("EC").generatePrivate(spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key " + pem + " is neither a PKCS#8 RSA nor EC key", e);
        }
    }
}
