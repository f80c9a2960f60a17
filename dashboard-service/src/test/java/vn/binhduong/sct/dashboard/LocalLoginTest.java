package vn.binhduong.sct.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The local login: users file, signed session cookie, CSRF on the forms, tokens minted per request. */
@QuarkusTest
@QuarkusTestResource(value = ReportServiceStandIn.class, restrictToAnnotatedClass = true)
class LocalLoginTest {

    @BeforeEach
    void standIn() {
        ReportServiceStandIn.reset();
    }

    @Test
    void aPageWithoutLoginGoesToTheLoginFormAndBack() {
        Browser b = new Browser();
        Response r = b.get("/o/DB-SCT/2021?x=1");
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/login?next=%2Fo%2FDB-SCT%2F2021%3Fx%3D1"), r.header("Location"));
        Response form = b.get("/login?next=%2Fo%2FDB-SCT%2F2021");
        assertEquals(200, form.statusCode());
        Response in = b.post("/login", "csrf-token", Browser.csrf(form), "username", "viewer", "password", "viewer-pass",
                "next", "/o/DB-SCT/2021");
        assertEquals(303, in.statusCode());
        assertTrue(in.header("Location").endsWith("/o/DB-SCT/2021"));
        String setCookie = in.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("sct_session=")).findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertFalse(in.header("Location").contains("eyJ"), "no token in a URL");
        assertEquals(200, b.get("/o/DB-SCT/2021").statusCode());
        assertTrue(ReportServiceStandIn.tokensSent().stream().allMatch(t -> t.path("groups").toString().equals("[\"viewer\"]")));
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAMissingCsrfTokenLogNobodyIn() {
        Browser b = new Browser();
        String token = Browser.csrf(b.get("/login"));
        Response wrong = b.post("/login", "csrf-token", token, "username", "admin", "password", "viewer-pass");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.asString().contains("Tên đăng nhập hoặc mật khẩu không đúng"));
        assertFalse(b.cookies.containsKey("sct_session"));
        assertEquals(401, b.post("/login", "csrf-token", token, "username", "nobody", "password", "x").statusCode());
        Response noCsrf = b.post("/login", "username", "admin", "password", "admin-pass");
        assertEquals(400, noCsrf.statusCode(), "a login without the form's CSRF token");
        assertFalse(b.cookies.containsKey("sct_session"));
        Response otherToken = b.post("/login", "csrf-token", "forged", "username", "admin", "password", "admin-pass");
        assertEquals(400, otherToken.statusCode());
        assertFalse(b.cookies.containsKey("sct_session"));
    }

    @Test
    void aTamperedOrForeignSessionCookieIsNoLogin() {
        Browser b = Browser.loggedIn("viewer", "viewer-pass");
        String good = b.cookies.get("sct_session");
        // the same cookie claiming admin: the signature no longer matches
        String[] parts = good.split("\\.");
        String body = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\nviewer\n", "\nadmin\n");
        b.cookies.put("sct_session", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[1]);
        assertEquals(303, b.get("/o/DB-SCT/2021").statusCode());
        b.cookies.put("sct_session", "garbage");
        assertEquals(303, b.get("/o/DB-SCT/2021").statusCode());
        b.cookies.put("sct_session", good);
        assertEquals(200, b.get("/o/DB-SCT/2021").statusCode());
    }

    @Test
    void theApisAreCalledWithAShortLivedTokenOfTheUsersRoleSignedWithTheLocalKey() {
        Browser.loggedIn("secretary-cb1", "secretary-pass").get("/o/DB-SCT/2021");
        List<JsonNode> tokens = ReportServiceStandIn.tokensSent();
        assertFalse(tokens.isEmpty());
        for (JsonNode t : tokens) {
            assertEquals("https://sct.binhduong.gov.vn/local", t.path("iss").asText());
            assertEquals("secretary-cb1", t.path("sub").asText());
            assertEquals("secretary-cb1", t.path("upn").asText());
            assertEquals("[\"cell-secretary\"]", t.path("groups").toString());
            assertEquals("CB1", t.path("cell").asText());
            long ttl = t.path("exp").asLong() - t.path("iat").asLong();
            assertTrue(ttl > 0 && ttl <= 300, "lifetime " + ttl);
        }
    }

    @Test
    void logoutNeedsTheFormsCsrfTokenAndEndsTheSession() {
        Browser b = Browser.loggedIn("admin", "admin-pass");
        Response page = b.get("/o/DB-SCT/2021");
        assertEquals(400, b.post("/logout").statusCode(), "a logout without the CSRF token");
        assertEquals(200, b.get("/o/DB-SCT/2021").statusCode());
        Response out = b.post("/logout", "csrf-token", Browser.csrf(page));
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Location").endsWith("/login?out=true"));
        assertNotNull(out.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("sct_session=;")
                || c.startsWith("sct_session=\"\"") || c.contains("Max-Age=0")).findFirst().orElse(null));
        assertEquals(303, b.get("/o/DB-SCT/2021").statusCode());
    }

    @Test
    void anOpenRedirectAfterLoginStaysOnTheSite() {
        assertEquals("/", Login.safe("https://evil.example/"));
        assertEquals("/", Login.safe("//evil.example/"));
        assertEquals("/", Login.safe("/\\evil.example/"));
        assertEquals("/o/DB-SCT/2021", Login.safe("/o/DB-SCT/2021"));
    }
}
