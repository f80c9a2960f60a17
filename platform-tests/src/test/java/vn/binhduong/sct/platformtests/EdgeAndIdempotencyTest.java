package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.binhduong.sct.platform.idempotency.IdempotencyCleanup;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** What the edge refuses before a resource sees it, and Idempotency-Key under concurrent retries. */
@QuarkusTest
class EdgeAndIdempotencyTest {
    @Inject
    DataSource ds;

    @Inject
    IdempotencyCleanup cleanup;

    private static RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON);
    }

    @Test
    void concurrentRetriesWithOneKeyRunTheRequestOnce() throws Exception {
        String code = "race-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = "{\"code\":\"" + code + "\",\"text\":\"một lần thôi\"}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> staff().header("Idempotency-Key", key).body(body).post("/api/v1/notes"));
            }
            List<String> answers = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                answers.add(r.asString());
            }
            assertEquals(1, answers.stream().distinct().count(), "every retry gets the first answer");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Db.count(ds, "SELECT count(*) FROM note WHERE code = ?", code), "created once");
        assertEquals(1, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id = ?", code), "one event");
    }

    @Test
    void theSameKeyWithAnotherBodyOrQueryIsRefused() {
        String code = "fp-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        staff().header("Idempotency-Key", key).body("{\"code\":\"" + code + "\",\"text\":\"a\"}").post("/api/v1/notes")
                .then().statusCode(201);
        staff().header("Idempotency-Key", key).body("{\"code\":\"" + code + "\",\"text\":\"b\"}").post("/api/v1/notes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("different body"));
        staff().header("Idempotency-Key", key).queryParam("fail", "false")
                .body("{\"code\":\"" + code + "\",\"text\":\"a\"}").post("/api/v1/notes")
                .then().statusCode(422).body("type", containsString("idempotency-key-reused"));
    }

    @Test
    void expiredKeysAreRemovedAndRunAgain() {
        String code = "exp-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        staff().header("Idempotency-Key", key).body("{\"code\":\"" + code + "\",\"text\":\"a\"}").post("/api/v1/notes")
                .then().statusCode(201);
        Db.execute(ds, "UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE idem_key = ?", key);
        assertEquals(true, cleanup.removeExpired() >= 1);
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM idempotency_key WHERE idem_key = ?", key));
        // the key is free again: the request runs, and this time meets the note it made before
        staff().header("Idempotency-Key", key).body("{\"code\":\"" + code + "\",\"text\":\"a\"}").post("/api/v1/notes")
                .then().statusCode(409);
    }

    @Test
    void theEdgeAnswersBadRequestTargetsWithProblems() {
        // sent over a plain socket, byte for byte as curl or an attacker would (HTTP client libraries re-encode)
        assertProblem(get("/api/v1/notes/a%00b"), 400, "NUL");
        assertProblem(get("/api/v1/notes/%25zz;x=1"), 400, "");
        // Vert.x refuses a broken escape anywhere in the target before any handler, with an empty 400 (docs/platform.md)
        org.junit.jupiter.api.Assertions.assertTrue(get("/api/v1/notes/%zz").startsWith("HTTP/1.1 400"));
        org.junit.jupiter.api.Assertions.assertTrue(get("/api/v1/notes?text=%zz").startsWith("HTTP/1.1 400"));
        assertProblem(get("/api/v1/notes/%C3%28"), 400, "UTF-8");
        assertProblem(get("/api/v1/notes?text=a%00b"), 400, "NUL");
        assertProblem(get("/api/v1/notes?page=abc"), 400, "cannot be read");
        assertProblem(get("/api/v1/notes/" + "x".repeat(9000)), 414, "longer than");
        byte[] big = ("{\"code\":\"big\",\"text\":\"" + "y".repeat(1_100_000) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        staff().body(big).post("/api/v1/notes").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most"));
    }

    private static String get(String target) {
        return overSocket("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.as(Roles.ADMIN) + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertProblem(String answer, int status, String detail) {
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase(java.util.Locale.ROOT)
                .contains("content-type: application/problem+json"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains(detail), answer);
    }

    private static String overSocket(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jsonIsTypedStrictlyAndUnstorableTextIsRefused() {
        staff().body("{\"code\":12345,\"text\":\"a\"}").post("/api/v1/notes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        staff().body("{\"code\":\"nul-" + UUID.randomUUID() + "\",\"text\":\"a\\u0000b\"}").post("/api/v1/notes")
                .then().statusCode(400).body("detail", containsString("NUL"));
        staff().body("{\"code\":\"sur-" + UUID.randomUUID() + "\",\"text\":\"a\\ud800b\"}").post("/api/v1/notes")
                .then().statusCode(400).body("detail", containsString("surrogate"));
        staff().body(("[".repeat(5000) + "]".repeat(5000)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/notes").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.not(containsString("StreamReadConstraints")));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/notes").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }
}
