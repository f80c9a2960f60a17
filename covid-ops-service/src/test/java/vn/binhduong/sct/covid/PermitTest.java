package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class PermitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExtractableResponse<Response> issue(String kind, String name, String from, String until) {
        return Api.post("/api/v1/permits", "{\"kind\":\"" + kind + "\",\"holderName\":\"" + name
                + "\",\"company\":\"Công ty Mẫu\",\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until + "\"}")
                .statusCode(201).extract();
    }

    private static JsonNode publicVerify(String token) throws Exception {
        String body = given().queryParam("token", token).get("/api/v1/permits/verify").then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    /**
     * What a checkpoint does with nothing but the published JWK set: plain JDK, no code of this service. It converts the
     * JOSE signature to DER by hand, as checkpoints written against the earlier tokens do, so it also shows that the
     * JDK's P1363 output the service signs with now is the same JOSE format.
     */
    private static boolean verifyOffline(String token, JsonNode jwks) throws Exception {
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        for (JsonNode k : jwks.get("keys")) {
            if (!k.get("kid").asText().equals(header.get("kid").asText())) {
                continue;
            }
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECPoint w = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(k.get("x").asText())),
                    new BigInteger(1, Base64.getUrlDecoder().decode(k.get("y").asText())));
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(w, params.getParameterSpec(ECParameterSpec.class)));
            byte[] jose = Base64.getUrlDecoder().decode(parts[2]);
            byte[] r = new BigInteger(1, java.util.Arrays.copyOfRange(jose, 0, 32)).toByteArray();
            byte[] s = new BigInteger(1, java.util.Arrays.copyOfRange(jose, 32, 64)).toByteArray();
            byte[] der = new byte[6 + r.length + s.length];
            der[0] = 0x30;
            der[1] = (byte) (4 + r.length + s.length);
            der[2] = 0x02;
            der[3] = (byte) r.length;
            System.arraycopy(r, 0, der, 4, r.length);
            der[4 + r.length] = 0x02;
            der[5 + r.length] = (byte) s.length;
            System.arraycopy(s, 0, der, 6 + r.length, s.length);
            Signature sig = Signature.getInstance("SHA256withECDSA");
            sig.initVerify(key);
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return sig.verify(der) && claims.get("exp").asLong() > System.currentTimeMillis() / 1000;
        }
        return false;
    }

    /** The same check with the JDK's P1363 format, which reads JOSE's R||S directly. */
    private static boolean verifyOfflineP1363(String token, JsonNode jwks) throws Exception {
        String[] parts = token.split("\\.");
        String kid = JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("kid").asText();
        for (JsonNode k : jwks.get("keys")) {
            if (k.get("kid").asText().equals(kid)) {
                Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
                sig.initVerify(vn.binhduong.sct.covid.service.PermitKeys.toPublicKey(k.get("x").asText(), k.get("y").asText()));
                sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return sig.verify(Base64.getUrlDecoder().decode(parts[2]));
            }
        }
        return false;
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"DELIVERY_WORKER\"", "\"IMPORT_EXPORT_STAFF\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    @Test
    void aPermitVerifiesOfflineWithOnlyThePublishedKeyAndTamperingIsRefused() throws Exception {
        String token = issue("DELIVERY_WORKER", "Phạm Văn Kiểm", "2021-09-15", "2099-12-31").path("token");
        JsonNode jwks = JSON.readTree(given().get("/api/v1/permits/keys").then().statusCode(200).extract().asString());
        assertEquals("ES256", jwks.get("keys").get(0).get("alg").asText());
        assertFalse(jwks.toString().contains("\"d\""), "the private key is never published");
        assertTrue(verifyOffline(token, jwks));
        assertFalse(verifyOffline(tamper(token), jwks));
        assertTrue(verifyOfflineP1363(token, jwks));
        assertFalse(verifyOfflineP1363(tamper(token), jwks));

        assertEquals("VALID", publicVerify(token).get("status").asText());
        JsonNode tampered = publicVerify(tamper(token));
        assertEquals("BAD_SIGNATURE", tampered.get("status").asText());
        assertFalse(tampered.get("valid").asBoolean());
    }

    @Test
    void aTokenSignedWithAForeignKeyIsRefused() throws Exception {
        String token = issue("DELIVERY_WORKER", "Đỗ Thị Lạ", "2021-09-15", "2099-12-31").path("token");
        String[] parts = token.split("\\.");
        var pair = KeyPairGenerator.getInstance("EC");
        pair.initialize(new ECGenParameterSpec("secp256r1"));
        Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
        sig.initSign(pair.generateKeyPair().getPrivate());
        sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig.sign());
        assertEquals("BAD_SIGNATURE", publicVerify(forged).get("status").asText());

        String otherKid = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"ES256\",\"kid\":\"someone-else\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode unknown = publicVerify(otherKid + "." + parts[1] + "." + parts[2]);
        assertEquals("UNKNOWN_KEY", unknown.get("status").asText());
        assertTrue(unknown.get("reason").asText().contains("someone-else"));
    }

    @Test
    void aRevokedPermitFailsVerificationAndIsListedHashed() throws Exception {
        var issued = issue("IMPORT_EXPORT_STAFF", "Vũ Văn Thu", "2021-09-15", "2099-12-31");
        String id = issued.path("id");
        String token = issued.path("token");
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            Api.post("/api/v1/permits/" + id + "/revocation", "{\"reason\":\"Nghỉ việc\",\"version\":0}").statusCode(200)
                    .body("status", equalTo("REVOKED"));
            List<EventEnvelope> events = probe.await(e -> e.type().equals("permit.revoked") && e.aggregateId().equals(id), 1,
                    Duration.ofSeconds(20));
            assertFalse(events.get(0).payload().toString().contains("Vũ Văn Thu"), "no holder name in events");
            assertEquals("IMPORT_EXPORT_STAFF", events.get(0).payload().get("kind").asText());
        }
        JsonNode v = publicVerify(token);
        assertEquals("REVOKED", v.get("status").asText());
        assertFalse(v.get("valid").asBoolean());
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        given().get("/api/v1/permits/revocations").then().statusCode(200).body("hashes", hasItem(hash))
                .body("algorithm", equalTo("SHA-256"));
        Api.post("/api/v1/permits/" + id + "/revocation", "{\"reason\":\"again\"}").statusCode(409);
    }

    @Test
    void anExpiredPermitFailsWithItsLastValidDay() throws Exception {
        String token = issue("DELIVERY_WORKER", "Hồ Văn Cũ", "2021-09-01", "2021-09-30").path("token");
        JsonNode v = publicVerify(token);
        assertEquals("EXPIRED", v.get("status").asText());
        assertTrue(v.get("reason").asText().contains("2021-09-30"));
    }

    @Test
    void refusesAValidityThatEndsBeforeItStarts() {
        Api.post("/api/v1/permits", "{\"kind\":\"DELIVERY_WORKER\",\"holderName\":\"A\",\"company\":\"B\","
                + "\"validFrom\":\"2021-10-10\",\"validUntil\":\"2021-10-01\"}").statusCode(422)
                .body("type", containsString("validity-ends-before-start"));
    }

    @Test
    void issuingPublishesNoHolderNameAndHolderDataIsForStaffOnly() throws Exception {
        String id;
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            id = issue("DELIVERY_WORKER", "Ngô Thị Riêng", "2021-09-15", "2099-12-31").path("id");
            String pid = id;
            EventEnvelope e = probe.await(x -> x.type().equals("permit.issued") && x.aggregateId().equals(pid), 1,
                    Duration.ofSeconds(20)).get(0);
            assertFalse(e.payload().toString().contains("Ngô Thị Riêng"));
            assertEquals("Công ty Mẫu", e.payload().get("company").asText());
        }
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/permits/" + id).then().statusCode(403);
        given().get("/api/v1/permits/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/permits/statistics").then().statusCode(200)
                .body(not(containsString("Ngô Thị Riêng")));
    }

    @Test
    void theQrCodeCarriesTheToken() throws Exception {
        var issued = issue("DELIVERY_WORKER", "Lý Văn Quét", "2021-09-15", "2099-12-31");
        byte[] png = Api.get("/api/v1/permits/" + issued.path("id") + "/qr.png").statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))), Map.of()).getText();
        assertEquals(issued.path("token").toString(), text);
    }
}
