package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.platform.security.VerifiedTokenCache;
import vn.binhduong.sct.testing.TestTokens;

/** A bearer token verified once is remembered, but never past its expiry and only for its exact bytes. */
@QuarkusTest
class VerifiedTokenCacheTest {
    @Inject
    VerifiedTokenCache cache;

    private static int lag(String token) {
        return given().auth().oauth2(token).get("/api/v1/inbox/lag").then().extract().statusCode();
    }

    private static String token(String subject, String role, Duration ttl) {
        return TestTokens.lasting(ttl, subject, role);
    }

    private static double hits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("cache_gets_total") && l.contains("sct-verified-tokens")
                && l.contains("result=\"hit\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aTokenIsVerifiedOnceThenServedFromMemory() {
        String token = token("cache-once", Roles.ADMIN, Duration.ofMinutes(5));
        long before = cache.size();
        double hitsBefore = hits();
        assertEquals(200, lag(token));
        assertEquals(before + 1, cache.size(), "the verified token is remembered");
        assertEquals(200, lag(token));
        assertEquals(200, lag(token));
        assertEquals(before + 1, cache.size(), "one entry per token");
        assertEquals(2, hits() - hitsBefore, "the second and third requests did not verify again");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsExpiryPasses() throws Exception {
        String token = token("cache-expiry", Roles.ADMIN, Duration.ofSeconds(2));
        assertEquals(200, lag(token));
        assertEquals(200, lag(token));
        Thread.sleep(4_200); // exp has whole seconds: 2 s of life, 1 s of clock skew (application.properties), a margin
        assertEquals(401, lag(token), "an expired token is refused though it was verified before");
    }

    @Test
    void onlyTheExactTokenIsRemembered() {
        String token = token("cache-exact", Roles.ADMIN, Duration.ofMinutes(5));
        assertEquals(200, lag(token));
        // the same header and claims with another signature: a forgery of a remembered token
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(0);
        String forged = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertEquals(401, lag(forged));
        // another caller's token keeps its own roles: department staff may not read the inbox's lag
        String staff = token("cache-staff", Roles.DEPARTMENT_STAFF, Duration.ofMinutes(5));
        assertEquals(403, lag(staff));
        assertEquals(403, lag(staff));
        assertEquals(200, lag(token));
        assertTrue(cache.size() >= 2);
    }
}
