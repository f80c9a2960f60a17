package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.embedded.EmbeddedKafka;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventHeaders;
import vn.binhduong.sct.platform.outbox.OutboxRelay;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)
class OutboxRelayTest {
    static final String TOPIC = "sct.platform-tests.events";

    @Inject
    DataSource ds;

    @Inject
    OutboxRelay relay;

    static String create(String code, String text) {
        return given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"text\":\"" + text + "\"}")
                .post("/api/v1/notes").then().statusCode(201).extract().asString();
    }

    @Test
    void eventWrittenInTheTransactionArrivesInKafkaOnceWithKeyAndHeaders() {
        String code = "n-" + UUID.randomUUID();
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            create(code, "một ghi chú");
            List<EventEnvelope> events = probe.await(e -> e.aggregateId().equals(code), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            probe.drain(Duration.ofSeconds(2));
            List<ConsumerRecord<String, byte[]>> records = probe.records().stream().filter(r -> code.equals(r.key())).toList();
            assertEquals(1, records.size(), "exactly one record for the note");
            ConsumerRecord<String, byte[]> r = records.get(0);
            EventEnvelope e = events.get(0);
            assertEquals("note.created", e.type());
            assertEquals(1, e.version());
            assertEquals("platform-tests", e.source());
            assertEquals("DB-SCT", e.organization());
            assertEquals("một ghi chú", e.payload().get("text").asText());
            assertEquals(e.id().toString(), new String(r.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8));
            assertEquals("note.created", new String(r.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8));
        }
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND published_at IS NULL", code));
    }

    @Test
    void rolledBackTransactionStoresAndPublishesNothing() {
        String code = "rb-" + UUID.randomUUID();
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + code + "\",\"text\":\"x\"}")
                    .post("/api/v1/notes?fail=true")
                    .then().statusCode(500).contentType("application/problem+json")
                    .body("errorId", notNullValue());
            // a later event proves the relay ran past the point where the rolled-back one would be
            String later = "after-" + UUID.randomUUID();
            create(later, "y");
            probe.await(e -> e.aggregateId().equals(later), 1, Duration.ofSeconds(20));
            assertTrue(probe.drain(Duration.ofSeconds(1)).stream().noneMatch(e -> e.aggregateId().equals(code)));
        }
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id = ?", code));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/notes/" + code).then().statusCode(404);
    }

    @Test
    void brokerOutageLosesNothingDuplicatesNothingAndIsLoggedOnce() throws Exception {
        EmbeddedKafka kafka = EmbeddedInfra.kafka().orElseThrow(() -> new IllegalStateException("needs the embedded broker"));
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger relayLog = Logger.getLogger(OutboxRelay.class.getName());
        relayLog.addHandler(capture);
        String batch = "outage-" + UUID.randomUUID() + "-";
        int n = 25;
        try {
            kafka.stop();
            for (int i = 0; i < n; i++) {
                create(batch + i, "written while the broker is down");
            }
            assertEquals(n, Db.count(ds, "SELECT count(*) FROM note WHERE code LIKE ?", batch + "%"),
                    "every write succeeded while Kafka was down");
            long deadline = System.currentTimeMillis() + 30_000;
            while (!relay.inOutage() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(relay.inOutage(), "the relay noticed the outage");
            // still ready (writes succeed), but the event path says it is degraded, and why
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'event-path' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'event-path' }.data.degraded", equalTo(true))
                    .body("checks.find { it.name == 'event-path' }.data.reason", org.hamcrest.Matchers.containsString("Kafka unreachable"));
            // let it retry several times with back-off (2 s at most in this application's configuration)
            Thread.sleep(7000);
            assertEquals(n, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id LIKE ? AND published_at IS NULL", batch + "%"),
                    "rows wait in the outbox");
        } finally {
            kafka.restart();
        }
        Db.awaitCount(ds, n, 60_000, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", batch + "%");
        Thread.sleep(1500); // anything duplicated would arrive now
        assertEquals(n, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", batch + "%"),
                "each event applied once by the consumer");
        assertEquals(n, Db.count(ds, "SELECT count(DISTINCT note_code) FROM note_copy WHERE note_code LIKE ?", batch + "%"));
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM outbox WHERE published_at IS NULL"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event-path' }.data.degraded", equalTo(false));
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).get("/api/v1/outbox/status").then().statusCode(200)
                .body("pending", equalTo(0)).body("brokerUnreachable", equalTo(false))
                .body("topic", equalTo(TOPIC));
        relayLog.removeHandler(capture);
        long outageWarnings = warnings.stream().filter(r -> String.valueOf(r.getMessage()).contains("cannot publish")).count();
        assertEquals(1, outageWarnings, "one warning per outage, not one per row or per retry");
    }

    @Test
    void writesWithoutATransactionAreRefused() {
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/notes?size=1").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(1));
    }
}
