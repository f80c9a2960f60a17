package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.embedded.EmbeddedPostgres;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.inbox.InboxConsumer;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.TestTokens;

/**
 * The database goes away and comes back: writes answer 503 with Retry-After (never 500), readiness says DOWN, events
 * consumed meanwhile are not set aside as poison, and everything is applied once the database is back.
 */
@QuarkusTest
class DatabaseOutageTest {
    @Inject
    DataSource ds;

    @Inject
    InboxConsumer inbox;

    @Test
    void writesAnswer503WhileTheDatabaseIsDownAndNothingIsLostOrSetAside() throws Exception {
        EmbeddedPostgres pg = EmbeddedInfra.postgres().orElse(null);
        assumeTrue(pg != null, "needs the embedded PostgreSQL");
        String prefix = "outage-" + UUID.randomUUID();
        long recoveriesBefore = inbox.databaseRecoveries();
        pg.stop();
        try {
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + prefix + "-w\",\"text\":\"trong sự cố\"}").post("/api/v1/notes")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", containsString("database-unavailable"));
            given().get("/q/health/ready").then().statusCode(503);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 5; i++) {
                    EventEnvelope e = EventEnvelope.create(EventType.of("note.created", 1), "test", "DB-SCT", "note",
                            prefix + "-" + i, Map.of("code", prefix + "-" + i, "text", "đến khi cơ sở dữ liệu vắng"));
                    producer.send(new ProducerRecord<>(OutboxRelayTest.TOPIC, e.aggregateId(), EventJson.toBytes(e)))
                            .get(20, TimeUnit.SECONDS);
                }
            }
            Thread.sleep(3000); // the inbox polls them and finds the database away
        } finally {
            pg.restart();
        }
        Db.awaitCount(ds, 5, 60_000, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", prefix + "-%");
        assertEquals(5, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", prefix + "-%"));
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM inbox_dead_letter WHERE record_value LIKE ?", "%" + prefix + "%"),
                "an event is never set aside because the database was away");
        assertEquals(true, inbox.databaseRecoveries() > recoveriesBefore, "the inbox waited for the database");
        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"code\":\"" + prefix + "-w\",\"text\":\"sau sự cố\"}").post("/api/v1/notes")
                .then().statusCode(201).body("code", equalTo(prefix + "-w"));
    }
}
