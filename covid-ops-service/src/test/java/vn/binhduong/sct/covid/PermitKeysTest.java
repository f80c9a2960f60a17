package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.covid.service.PermitKeys;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Signing keys encrypted at rest, migrated from plain rows, rotated and retired by key id. */
@QuarkusTest
class PermitKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = TestTokens.as(Roles.ADMIN);

    @Inject
    DataSource dataSource;
    @Inject
    PermitKeys keys;
    @ConfigProperty(name = "sct.permits.kek")
    String kekBase64;

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String issue(String name) {
        return Api.post("/api/v1/permits", "{\"kind\":\"DELIVERY_WORKER\",\"holderName\":\"" + name
                + "\",\"company\":\"Công ty Khoá\",\"validFrom\":\"2021-09-15\",\"validUntil\":\"2099-12-31\"}")
                .statusCode(201).extract().path("token");
    }

    private static JsonNode verify(String token) throws Exception {
        return JSON.readTree(given().queryParam("token", token).get("/api/v1/permits/verify").then().statusCode(200)
                .extract().asString());
    }

    private static String kidOf(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("kid").asText();
    }

    private static List<String> publishedKids() throws Exception {
        JsonNode jwks = JSON.readTree(given().get("/api/v1/permits/keys").then().statusCode(200).extract().asString());
        List<String> kids = new ArrayList<>();
        jwks.get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        return kids;
    }

    /** What the test's KEK opens: the stored form is version byte, 12-byte nonce, AES-GCM ciphertext (AAD = kid). */
    private byte[] decrypt(String kid, byte[] stored) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(kekBase64), "AES"),
                new GCMParameterSpec(128, stored, 1, 12));
        c.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return c.doFinal(stored, 13, stored.length - 13);
    }

    @Test
    void noRowHoldsAPlainKeyAndTheEncryptedOneSignsForThePublishedKey() throws Exception {
        issue("Lê Văn Khoá");
        JsonNode jwks = JSON.readTree(given().get("/api/v1/permits/keys").then().statusCode(200).extract().asString());
        int rows = 0;
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT kid, private_pkcs8, private_encrypted, public_x, public_y FROM signing_key")) {
            while (rs.next()) {
                rows++;
                String kid = rs.getString(1);
                assertNull(rs.getBytes(2), "no plain PKCS#8 in row " + kid);
                byte[] stored = rs.getBytes(3);
                assertNotNull(stored);
                assertThrows(Exception.class, () -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(stored)),
                        "the stored bytes are not a key by themselves");
                // Opened with the KEK, it is the private half of the row's public key.
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(decrypt(kid, stored)));
                Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
                s.initSign(key);
                s.update("probe".getBytes(StandardCharsets.US_ASCII));
                byte[] sig = s.sign();
                Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
                v.initVerify(PermitKeys.toPublicKey(rs.getString(4), rs.getString(5)));
                v.update("probe".getBytes(StandardCharsets.US_ASCII));
                assertTrue(v.verify(sig));
                // a wrapped key moved to another kid does not open
                assertThrows(Exception.class, () -> decrypt(kid + "x", stored));
            }
        }
        assertTrue(rows >= 1);
        assertFalse(jwks.toString().contains("\"d\""));
    }

    @Test
    void aKeyStoredPlainBeforeTheUpgradeIsEncryptedAtStartAndItsOldTokensStillVerify() throws Exception {
        // A key as the previous version stored it (plain PKCS#8), and a permit signed with it.
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        String x = b64(fixed32(pub.getW().getAffineX()));
        String y = b64(fixed32(pub.getW().getAffineY()));
        String kid = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        long nbf = LocalDate.of(2021, 9, 15).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toEpochSecond();
        long exp = LocalDate.of(2100, 1, 1).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toEpochSecond();
        String input = b64(("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64(("{\"iss\":\"SCT-BD\",\"pid\":\"" + id + "\",\"kind\":\"DELIVERY_WORKER\",\"name\":\"Cũ\",\"company\":\"C\","
                        + "\"iat\":1631664000,\"nbf\":" + nbf + ",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        // R||S as JOSE carries it: the bytes the previous version's hand DER-to-JOSE conversion produced
        Signature jose = Signature.getInstance("SHA256withECDSAinP1363Format");
        jose.initSign(pair.getPrivate());
        jose.update(input.getBytes(StandardCharsets.US_ASCII));
        String token = input + "." + b64(jose.sign());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement k = c.prepareStatement("INSERT INTO signing_key (kid, algorithm, public_x, public_y, "
                    + "private_pkcs8, active, created_at) VALUES (?, 'ES256', ?, ?, ?, false, now() - interval '1 day')")) {
                k.setString(1, kid);
                k.setString(2, x);
                k.setString(3, y);
                k.setBytes(4, pair.getPrivate().getEncoded());
                k.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO permit (id, kind, holder_name, company, valid_from, "
                    + "valid_until, status, kid, token, issued_at) VALUES (?, 'DELIVERY_WORKER', 'Cũ', 'C', ?, ?, 'ACTIVE', ?, ?, ?)")) {
                p.setObject(1, id);
                p.setObject(2, LocalDate.of(2021, 9, 15));
                p.setObject(3, LocalDate.of(2099, 12, 31));
                p.setString(4, kid);
                p.setString(5, token);
                p.setTimestamp(6, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
        }
        keys.ensureKey(); // what every start does
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT private_pkcs8, private_encrypted FROM signing_key WHERE kid = ?")) {
            q.setString(1, kid);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getBytes(1), "the plain key was removed");
                assertTrue(Arrays.equals(pair.getPrivate().getEncoded(), decrypt(kid, rs.getBytes(2))), "and stored encrypted");
            }
        }
        assertEquals("VALID", verify(token).get("status").asText(), "a token made before the upgrade still verifies");
        assertTrue(publishedKids().contains(kid));
    }

    @Test
    void rotationSignsWithANewKeyOldPermitsVerifyUntilTheirKeyIsRetired() throws Exception {
        String before = issue("Trương Văn Trước");
        String oldKid = kidOf(before);
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).post("/api/v1/permits/signing-keys").then().statusCode(403);

        String newKid = given().auth().oauth2(ADMIN).post("/api/v1/permits/signing-keys").then().statusCode(201)
                .body("active", equalTo(true)).body("retiredAt", equalTo(null)).extract().path("kid");
        assertNotEquals(oldKid, newKid);
        String after = issue("Trương Thị Sau");
        assertEquals(newKid, kidOf(after), "the new key signs from now on");
        assertTrue(publishedKids().containsAll(List.of(oldKid, newKid)), "both keys are published");
        assertEquals("VALID", verify(before).get("status").asText());
        assertEquals("VALID", verify(after).get("status").asText());

        given().auth().oauth2(ADMIN).post("/api/v1/permits/signing-keys/" + newKid + "/retirement").then().statusCode(409)
                .body("type", containsString("active-key"));
        given().auth().oauth2(ADMIN).post("/api/v1/permits/signing-keys/" + oldKid + "/retirement").then().statusCode(200)
                .body("kid", equalTo(oldKid)).body("active", equalTo(false));
        given().auth().oauth2(ADMIN).post("/api/v1/permits/signing-keys/" + oldKid + "/retirement").then().statusCode(409);
        given().auth().oauth2(ADMIN).post("/api/v1/permits/signing-keys/no-such-key/retirement").then().statusCode(404);

        JsonNode refused = verify(before);
        assertEquals("RETIRED_KEY", refused.get("status").asText());
        assertFalse(refused.get("valid").asBoolean());
        assertTrue(refused.get("reason").asText().contains("retired"), refused.toString());
        assertEquals("VALID", verify(after).get("status").asText());
        assertFalse(publishedKids().contains(oldKid), "a retired key is no longer published");
        assertTrue(publishedKids().contains(newKid));

        JsonNode listed = JSON.readTree(given().auth().oauth2(ADMIN).get("/api/v1/permits/signing-keys").then().statusCode(200)
                .extract().asString());
        boolean sawOld = false;
        for (JsonNode k : listed) {
            assertFalse(k.has("privateEncrypted") || k.toString().contains("\"d\""));
            if (k.get("kid").asText().equals(oldKid)) {
                sawOld = true;
                assertFalse(k.get("retiredAt").isNull());
                assertTrue(k.get("permitsSigned").asLong() >= 1);
            }
        }
        assertTrue(sawOld);
    }

    /**
     * A key retired by another instance (here: the row updated by SQL, which is all that instance does) fails the very
     * next verifications here, not after the public-key cache's {@code CACHE_SECONDS}: the database tells every
     * instance of the change. Seen failing with PermitChanges' handling of 'key:' notifications removed (VALID for 10 s).
     */
    @Test
    void aKeyRetiredByAnotherInstanceFailsVerificationAtOnce() throws Exception {
        given().auth().oauth2(ADMIN).post("/api/v1/permits/signing-keys").then().statusCode(201);
        String before = issue("Lâm Văn Khác");
        String kid = kidOf(before);
        given().auth().oauth2(ADMIN).post("/api/v1/permits/signing-keys").then().statusCode(201);
        assertEquals("VALID", verify(before).get("status").asText(), "the key is read and cached");
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE signing_key SET retired_at = now() WHERE kid = ?")) {
            u.setString(1, kid);
            assertEquals(1, u.executeUpdate());
        }
        long deadline = System.nanoTime() + 3_000_000_000L; // well under the cache's 10 s
        String status;
        do {
            status = verify(before).get("status").asText();
        } while (!status.equals("RETIRED_KEY") && System.nanoTime() < deadline && sleep(20));
        assertEquals("RETIRED_KEY", status);
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    private static byte[] fixed32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    static String sha(String s) throws Exception {
        return b64(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
