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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

/**
 * The permit signing keys (P-256). The first start makes one and stores it; every start after that reads it, so
 * tokens stay verifiable across restarts and instances. The private key never leaves this class; the API publishes
 * only the public half as a JWK set.
 */
@ApplicationScoped
public class PermitKeys {
    public record Jwk(String kty, String crv, String kid, String use, String alg, String x, String y) {
    }

    private final EntityManager em;
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private volatile String activeKid;
    private volatile PrivateKey activePrivate;

    public PermitKeys(EntityManager em) {
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        ensureKey();
    }

    @Transactional
    public void ensureKey() {
        // One instance makes the key; a concurrent first start waits here and then reads it.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(20210904)").getSingleResult();
        List<?> rows = em.createNativeQuery("SELECT kid, private_pkcs8 FROM signing_key WHERE active").getResultList();
        try {
            if (rows.isEmpty()) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = g.generateKeyPair();
                ECPublicKey pub = (ECPublicKey) pair.getPublic();
                String x = b64(unsigned32(pub.getW().getAffineX()));
                String y = b64(unsigned32(pub.getW().getAffineY()));
                String kid = thumbprint(x, y);
                em.createNativeQuery("""
                        INSERT INTO signing_key (kid, algorithm, public_x, public_y, private_pkcs8, active)
                        VALUES (?1, 'ES256', ?2, ?3, ?4, true)""")
                        .setParameter(1, kid).setParameter(2, x).setParameter(3, y)
                        .setParameter(4, pair.getPrivate().getEncoded()).executeUpdate();
                activeKid = kid;
                activePrivate = pair.getPrivate();
            } else {
                Object[] r = (Object[]) rows.get(0);
                activeKid = (String) r[0];
                activePrivate = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec((byte[]) r[1]));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the permit signing key", e);
        }
    }

    public String activeKid() {
        return activeKid;
    }

    PrivateKey activePrivate() {
        return activePrivate;
    }

    /** The public key for a key id, or null if this service never had it. */
    public PublicKey publicKey(String kid) {
        PublicKey k = publicKeys.get(kid);
        if (k == null) {
            List<?> rows = em.createNativeQuery("SELECT public_x, public_y FROM signing_key WHERE kid = ?1")
                    .setParameter(1, kid).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] r = (Object[]) rows.get(0);
            k = toPublicKey((String) r[0], (String) r[1]);
            publicKeys.put(kid, k);
        }
        return k;
    }

    public List<Jwk> jwks() {
        List<?> rows = em.createNativeQuery("SELECT kid, public_x, public_y FROM signing_key ORDER BY created_at")
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
