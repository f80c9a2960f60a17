package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.TestTokens;

/** Publishes events to the domain topics the way the services' relays do, and waits for the projections. */
final class Events implements AutoCloseable {
    static final String MEMBER = "sct.member.events";
    static final String INSPECTION = "sct.inspection.events";
    static final String COVID = "sct.covid.events";
    static final String INDICATOR = "sct.indicator.events";

    private final KafkaProducer<String, byte[]> producer;

    Events() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one event (key = aggregate id) and returns it. */
    EventEnvelope publish(String topic, String type, String source, String org, String aggregateId, Map<String, ?> payload) {
        EventEnvelope e = new EventEnvelope(UUID.randomUUID(), type, 1, source,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS), org, type.substring(0, type.indexOf('.')), aggregateId,
                EventJson.tree(payload));
        send(topic, e);
        return e;
    }

    void send(String topic, EventEnvelope e) {
        try {
            producer.send(new ProducerRecord<>(topic, e.aggregateId(), EventJson.toBytes(e))).get(20, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void awaitCaughtUp() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Boolean caughtUp = given().auth().oauth2(TestTokens.as(Roles.ADMIN)).get("/api/v1/inbox/lag")
                    .then().statusCode(200).extract().path("caughtUp");
            if (Boolean.TRUE.equals(caughtUp)) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("projections did not catch up within 60 s");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
