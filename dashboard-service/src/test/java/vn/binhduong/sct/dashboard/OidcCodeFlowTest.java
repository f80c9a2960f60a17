package vn.binhduong.sct.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * Production login: the OIDC authorization-code flow against a local OIDC provider (quarkus-test-oidc-server's
 * WireMock; its user alice holds the roles admin and user), then the pages call the API with the access token.
 */
@QuarkusTest
@TestProfile(OidcCodeFlowTest.Oidc.class)
class OidcCodeFlowTest {

    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>();
            c.put("quarkus.oidc.tenant-enabled", "true");
            c.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus");
            c.put("quarkus.oidc.client-id", "quarkus-web-app");
            c.put("quarkus.oidc.credentials.secret", "secret");
            c.put("quarkus.oidc.token.audience", "any");
            return c;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(ReportServiceStandIn.class, Map.of("local", "false")));
        }
    }

    @Test
    void aPageStartsTheCodeFlowAndTheApiGetsTheUsersAccessToken() {
        ReportServiceStandIn.reset();
        Browser b = new Browser();
        Response page = b.get("/o/DB-SCT/2021");
        assertEquals(303, page.statusCode());
        String start = page.header("Location");
        assertTrue(start.contains("/oidc-login?next="), start);

        // the dashboard sends the browser to the provider's authorization endpoint
        Response toProvider = b.get(URI.create(start).getRawPath() + "?" + URI.create(start).getRawQuery());
        assertEquals(302, toProvider.statusCode());
        URI authorize = URI.create(toProvider.header("Location"));
        Map<String, String> q = query(authorize);
        assertEquals("code", q.get("response_type"));
        assertEquals("quarkus-web-app", q.get("client_id"));
        assertFalse(authorize.toString().contains("eyJ"), "no token in a URL");

        // the provider's login answers with the code, to the dashboard's redirect URI
        Response login = b.req().queryParam("redirect_uri", q.get("redirect_uri")).queryParam("state", q.get("state"))
                .get(authorize.getScheme() + "://" + authorize.getAuthority() + "/login");
        assertEquals(302, login.statusCode());
        Response callback = b.get(login.header("Location"));
        assertEquals(302, callback.statusCode(), callback.asString());
        assertTrue(b.cookies.keySet().stream().anyMatch(c -> c.startsWith("q_session")), "the OIDC session cookie: " + b.cookies);

        Response back = b.get(callback.header("Location"));
        if (back.statusCode() == 302 || back.statusCode() == 303) {
            back = b.get(back.header("Location"));
        }
        if (back.statusCode() == 303) {
            back = b.get(back.header("Location"));
        }
        assertEquals(200, back.statusCode(), back.asString());
        assertTrue(back.asString().contains("69.180") && back.asString().contains("alice"), back.asString());
        assertTrue(back.asString().contains("Quản trị hệ thống"), "alice's admin role, read from the access token");

        List<JsonNode> sent = ReportServiceStandIn.server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getHeader("Authorization")).filter(h -> h != null && h.startsWith("Bearer "))
                .map(h -> payload(h.substring(7))).toList();
        assertFalse(sent.isEmpty());
        for (JsonNode t : sent) {
            assertEquals("https://server.example.com", t.path("iss").asText(), "the provider's access token, not a local one");
            assertTrue(t.path("groups").toString().contains("admin"), t.toString());
        }

        // logout: a CSRF-protected form; afterwards a page starts the code flow again
        Response out = b.post("/logout", "csrf-token", Browser.csrf(back));
        assertEquals(303, out.statusCode());
        assertTrue(b.cookies.keySet().stream().noneMatch(c -> c.startsWith("q_session")), "session cookie left: " + b.cookies);
        Response again = b.get("/o/DB-SCT/2021");
        assertEquals(303, again.statusCode());
        assertTrue(again.header("Location").contains("/oidc-login"));
    }

    private static Map<String, String> query(URI u) {
        Map<String, String> m = new HashMap<>();
        for (String kv : u.getRawQuery().split("&")) {
            int i = kv.indexOf('=');
            m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static JsonNode payload(String jwt) {
        try {
            return ReportServiceStandIn.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
