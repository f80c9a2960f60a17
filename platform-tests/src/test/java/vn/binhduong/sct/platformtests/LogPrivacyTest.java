package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventHeaders;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.TestTokens;

/**
 * No token, national ID or other personal value reaches a log line, on the paths that log: a unique-key violation
 * (the database's error detail repeats the offending value), an unexpected error (stack trace), unreadable and
 * invalid bodies, and an event the consumer cannot apply. The log is the JSON file of the test run
 * (%test.quarkus.log.file.*), read back line by line: every line must also be a JSON object.
 */
@QuarkusTest
class LogPrivacyTest {
    private static final Path LOG = Path.of("target/logs/platform-tests.json.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource ds;

    @Test
    void personalValuesAndTokensNeverReachTheLog() throws Exception {
        String nationalId = "0791" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String phone = "0908" + nationalId.substring(6);
        String token = TestTokens.as(Roles.DEPARTMENT_STAFF);
        String code = "cccd-" + nationalId;
        String body = "{\"code\":\"" + code + "\",\"text\":\"Đảng viên CCCD " + nationalId + ", ĐT " + phone + "\"}";

        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/notes").then().statusCode(201);
        // the same unique code again: PostgreSQL's error detail names the value, "Key (code)=(cccd-...)"
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/notes").then().statusCode(409);
        // an unexpected failure, logged with its stack trace and an error id
        String errorId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body.replace(code, code + "-x")).post("/api/v1/notes?fail=true")
                .then().statusCode(500).extract().path("errorId");
        // unreadable and invalid bodies holding the values
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\":\"" + nationalId + "\",")
                .post("/api/v1/notes").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"" + nationalId + "\",\"text\":\"" + "x".repeat(501) + phone + "\"}")
                .post("/api/v1/notes").then().statusCode(400);
        // a token that is refused
        given().auth().oauth2(token + "tampered").get("/api/v1/notes/" + code).then().statusCode(401);
        // an event the consumer refuses (set aside after its retries, logged as an error)
        EventEnvelope poison = EventEnvelope.create(EventType.of("note.created", 1), "test", "DB-SCT", "note",
                "poison-" + UUID.randomUUID(), Map.of("code", "poison-" + nationalId, "text", "poison " + nationalId));
        send(poison);
        Db.awaitCount(ds, 1, 60_000, "SELECT count(*) FROM inbox_dead_letter WHERE event_id = ?", poison.id());

        List<String> lines = awaitLogLine(errorId);
        assertTrue(lines.stream().anyMatch(l -> l.contains(errorId)), "the unexpected error was logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains("23505")), "the unique-key violation was logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains(poison.id().toString())), "the dead letter was logged");
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertTrue(record.isObject() && record.has("message") && record.has("level"), "a JSON log record: " + line);
            assertFalse(line.contains(nationalId), "a national ID in the log: " + line);
            assertFalse(line.contains(phone), "a phone number in the log: " + line);
            assertFalse(line.contains(token), "a bearer token in the log: " + line);
            assertFalse(line.contains(token.substring(token.lastIndexOf('.') + 1)), "a token signature in the log: " + line);
        }
    }

    private static List<String> awaitLogLine(String text) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            if (lines.stream().anyMatch(l -> l.contains(text)) || System.currentTimeMillis() > deadline) {
                return lines;
            }
            Thread.sleep(100);
        }
    }

    private static void send(EventEnvelope e) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(OutboxRelayTest.TOPIC, e.aggregateId(),
                    EventJson.toBytes(e));
            record.headers().add(EventHeaders.EVENT_ID, e.id().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(20, TimeUnit.SECONDS);
        }
    }
}
