package vn.binhduong.sct.covid.service;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * The permit signing keys (P-256, ES256), identified by {@code kid} (the RFC 7638 thumbprint of the public key).
 *
 * <ul>
 * <li>At rest the private key is only ever stored encrypted ({@link KeyEncryption}: AES-256-GCM under the KEK from
 * {@code sct.permits.kek}); the first start after the upgrade encrypts every row that still held a plain key and
 * empties its plain column. A start whose KEK does not open the active key stops with a clear message.</li>
 * <li>One key is active: it signs every new permit. {@link #rotate()} makes a new active key; the previous ones keep
 * verifying their permits and stay in the JWK set until {@link #retire} retires them; a retired key's permits then fail
 * verification with {@code RETIRED_KEY}. The active key cannot be retired (rotate first).</li>
 * <li>Several instances: each issue reads which key is active (one indexed row), so a rotation on one instance is
 * used by all from their next issue; public keys and their retirement are cached, and every instance forgets a key as
 * soon as the database tells it the key changed ({@link PermitChanges}); at most {@value #CACHE_SECONDS} s while that
 * listener is not connected (at once on the instance that retired).</li>
 * </ul>
 */
@ApplicationScoped
public class PermitKeys {
    private static final Logger LOG = Logger.getLogger(PermitKeys.class);
    static final int CACHE_SECONDS = 10;
    /** A key id as this service makes them (base64url SHA-256); anything else is unknown without asking the database. */
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public record Jwk(String kty, String crv, String kid, String use, String alg, String x, String y) {
    }

    @Schema(description = "A permit signing key as an admin sees it (never the private part)")
    public record SigningKeyView(@Schema(description = "key id (RFC 7638 thumbprint), the JWS header's kid") String kid,
            @Schema(description = "ES256") String algorithm,
            @Schema(description = "signs new permits (exactly one key is active)") boolean active,
            @Schema(description = "when it was made") Instant createdAt,
            @Schema(description = "when it was retired (no longer published; its permits fail verification); null while usable") Instant retiredAt,
            @Schema(description = "permits signed with it") long permitsSigned,
            @Schema(description = "the key-encryption key it is wrapped with (an id derived from the KEK, not the KEK)") String kekId) {
    }

    /** A public key and, if it was retired, when. */
    public record KeyState(String kid, PublicKey key, Instant retiredAt, long loadedAt) {
    }

    /** The active key id and its private key; only this package sees it. */
    record Signer(String kid, PrivateKey key) {
    }

    private final EntityManager em;
    private final Optional<String> kekBase64;
    private final Optional<String> kekFile;
    private final String httpHost;
    private final boolean localFallback;
    private volatile KeyEncryption kek;
    private volatile Signer signer;
    private final Map<String, KeyState> publicKeys = new ConcurrentHashMap<>();
    /** Counts the key changes heard ({@link PermitChanges}), so a read that overlaps one is not cached. */
    private final AtomicLong forgotten = new AtomicLong();

    public PermitKeys(EntityManager em, @ConfigProperty(name = "sct.permits.kek") Optional<String> kekBase64,
            @ConfigProperty(name = "sct.permits.kek-file") Optional<String> kekFile,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String httpHost,
            @ConfigProperty(name = "sct.permits.kek-local-fallback", defaultValue = "true") boolean localFallback) {
        this.em = em;
        this.kekBase64 = kekBase64;
        this.kekFile = kekFile;
        this.httpHost = httpHost;
        this.localFallback = localFallback;
    }

    void onStart(@Observes StartupEvent event) {
        ensureKey();
    }

    KeyEncryption kek() {
        KeyEncryption k = kek;
        if (k == null) {
            k = KeyEncryption.resolve(kekBase64, kekFile, LaunchMode.current().getDefaultProfile(), httpHost, localFallback);
            kek = k;
        }
        return k;
    }

    /**
     * At start: encrypts any key still stored plain, makes the first key if there is none, and loads the active one.
     * One instance does it at a time (a concurrent first start waits, then reads).
     */
    @Transactional
    public void ensureKey() {
        KeyEncryption k = kek();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(20210904)").getSingleResult();
        List<?> plain = em.createNativeQuery("SELECT kid, private_pkcs8 FROM signing_key WHERE private_pkcs8 IS NOT NULL")
                .getResultList();
        for (Object o : plain) {
            Object[] r = (Object[]) o;
            String kid = (String) r[0];
            em.createNativeQuery("""
                    UPDATE signing_key SET private_encrypted = ?2, kek_id = ?3, private_pkcs8 = NULL WHERE kid = ?1""")
                    .setParameter(1, kid).setParameter(2, k.wrap(kid, (byte[]) r[1])).setParameter(3, k.id())
                    .executeUpdate();
            LOG.infof("Permit signing key %s was stored plain: now encrypted under key-encryption key %s", kid, k.id());
        }
        List<?> active = em.createNativeQuery("SELECT kid FROM signing_key WHERE active").getResultList();
        if (active.isEmpty()) {
            signer = insertNew(k);
        } else {
            signer = load((String) active.get(0));
        }
    }

    private Signer insertNew(KeyEncryption k) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            String x = b64(unsigned32(pub.getW().getAffineX()));
            String y = b64(unsigned32(pub.getW().getAffineY()));
            String kid = thumbprint(x, y);
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            em.createNativeQuery("""
                    INSERT INTO signing_key (kid, algorithm, public_x, public_y, private_encrypted, kek_id, active)
                    VALUES (?1, 'ES256', ?2, ?3, ?4, ?5, true)""")
                    .setParameter(1, kid).setParameter(2, x).setParameter(3, y).setParameter(4, k.wrap(kid, pkcs8))
                    .setParameter(5, k.id()).executeUpdate();
            Arrays.fill(pkcs8, (byte) 0);
            return new Signer(kid, pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a permit signing key", e);
        }
    }

    private Signer load(String kid) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT private_encrypted, kek_id FROM signing_key WHERE kid = ?1")
                .setParameter(1, kid).getSingleResult();
        KeyEncryption k = kek();
        if (r[1] != null && !k.id().equals(r[1])) {
            throw new IllegalStateException("permit signing key " + kid + " is encrypted under key-encryption key " + r[1]
                    + ", but the configured sct.permits.kek is " + k.id() + ": configure the KEK it was stored with");
        }
        byte[] pkcs8 = k.unwrap(kid, (byte[]) r[0]);
        try {
            return new Signer(kid, KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("permit signing key " + kid + " decrypts to no EC private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The active key, as the database says now (a rotation on another instance counts from the next call). */
    Signer activeSigner() {
        List<?> rows = em.createNativeQuery("SELECT kid FROM signing_key WHERE active").getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no active permit signing key");
        }
        String kid = (String) rows.get(0);
        Signer s = signer;
        if (s == null || !s.kid().equals(kid)) {
            s = load(kid);
            signer = s;
        }
        return s;
    }

    /** Makes a new active key; the previous one keeps verifying until retired. Admin only. */
    @Transactional
    public SigningKeyView rotate() {
        KeyEncryption k = kek();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(20210904)").getSingleResult();
        em.createNativeQuery("UPDATE signing_key SET active = false WHERE active").executeUpdate();
        Signer s = insertNew(k);
        signer = s;
        LOG.infof("Permit signing key rotated: %s signs new permits from now on", s.kid());
        return key(s.kid());
    }

    /** Retires a key that no longer signs: no longer published, its permits fail verification. Admin only. */
    @Transactional
    public SigningKeyView retire(String kid) {
        if (kid == null || !KID.matcher(kid).matches()) {
            throw ProblemException.notFound("signing key", kid);
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(20210904)").getSingleResult();
        SigningKeyView k = key(kid);
        if (k.active()) {
            throw ProblemException.conflict("active-key", "signing key " + kid
                    + " signs new permits; rotate first (POST /api/v1/permits/signing-keys), then retire it");
        }
        if (k.retiredAt() != null) {
            throw ProblemException.conflict("already-retired", "signing key " + kid + " was retired at " + k.retiredAt());
        }
        em.createNativeQuery("UPDATE signing_key SET retired_at = now() WHERE kid = ?1").setParameter(1, kid).executeUpdate();
        publicKeys.remove(kid);
        LOG.infof("Permit signing key %s retired: its permits no longer verify", kid);
        return key(kid);
    }

    public List<SigningKeyView> keys() {
        List<?> rows = em.createNativeQuery("""
                SELECT k.kid, k.algorithm, k.active, k.created_at, k.retired_at,
                       (SELECT count(*) FROM permit p WHERE p.kid = k.kid), k.kek_id
                  FROM signing_key k ORDER BY k.created_at, k.kid""").getResultList();
        return rows.stream().map(o -> (Object[]) o).map(PermitKeys::keyView).toList();
    }

    private SigningKeyView key(String kid) {
        List<?> rows = em.createNativeQuery("""
                SELECT k.kid, k.algorithm, k.active, k.created_at, k.retired_at,
                       (SELECT count(*) FROM permit p WHERE p.kid = k.kid), k.kek_id
                  FROM signing_key k WHERE k.kid = ?1""").setParameter(1, kid).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("signing key", kid);
        }
        return keyView((Object[]) rows.get(0));
    }

    private static SigningKeyView keyView(Object[] r) {
        return new SigningKeyView((String) r[0], (String) r[1], (Boolean) r[2], instant(r[3]), instant(r[4]),
                ((Number) r[5]).longValue(), (String) r[6]);
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(o.toString());
    }

    /** The public key for a key id and whether it was retired, or null if this service never had it. */
    public KeyState publicKey(String kid) {
        if (kid == null || !KID.matcher(kid).matches()) {
            return null;
        }
        long now = System.nanoTime();
        KeyState k = publicKeys.get(kid);
        if (k == null || now - k.loadedAt() > CACHE_SECONDS * 1_000_000_000L) {
            long generation = forgotten.get();
            List<?> rows = em.createNativeQuery("SELECT public_x, public_y, retired_at FROM signing_key WHERE kid = ?1")
                    .setParameter(1, kid).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] r = (Object[]) rows.get(0);
            k = new KeyState(kid, toPublicKey((String) r[0], (String) r[1]), instant(r[2]), now);
            if (forgotten.get() == generation) {
                // not if a key change was heard while reading: what was read may be older than it
                publicKeys.put(kid, k);
            }
        }
        return k;
    }

    /** A key changed (retired, say) on some instance: the next verification with it reads it again. */
    void forget(String kid) {
        forgotten.incrementAndGet();
        publicKeys.remove(kid);
    }

    /** Changes may have been missed (the listener reconnects): every key is read again. */
    void forgetAll() {
        forgotten.incrementAndGet();
        publicKeys.clear();
    }

    /** Every key not retired, oldest first: what a checkpoint needs to verify every permit still valid. */
    public List<Jwk> jwks() {
        List<?> rows = em.createNativeQuery(
                "SELECT kid, public_x, public_y FROM signing_key WHERE retired_at IS NULL ORDER BY created_at, kid")
                .getResultList();
        return rows.stream().map(o -> (Object[]) o)
                .map(r -> new Jwk("EC", "P-256", (String) r[0], "sig", "ES256", (String) r[1], (String) r[2])).toList();
    }

    /** Builds a P-256 public key from the JWK coordinates; plain JDK, as an offline verifier would. */
    public static PublicKey toPublicKey(String x, String y) {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
            ECPoint w = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                    new BigInteger(1, Base64.getUrlDecoder().decode(y)));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    /** RFC 7638 thumbprint of the public key, so the key id is derived from the key itself. */
    private static String thumbprint(String x, String y) throws GeneralSecurityException {
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        return b64(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static byte[] unsigned32(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length == 32) {
            return b;
        }
        byte[] out = new byte[32];
        if (b.length > 32) {
            System.arraycopy(b, b.length - 32, out, 0, 32);
        } else {
            System.arraycopy(b, 0, out, 32 - b.length, b.length);
        }
        return out;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
