package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)
class ProjectionResourceTest {
    @Test
    void eventsFromEveryTopicAreTalliedOnceAndLagReachesZero() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        // a type of its own: other test classes of this module publish member events into the same database
        EventEnvelope e = EventEnvelope.create(EventType.of("probe.duplicated-x" + Long.toString(System.nanoTime(), 36), 1), "member-service", "DB-SCT", "member",
                "m-1", Map.of("memberId", "m-1"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : new String[] { "sct.member.events", "sct.inspection.events", "sct.covid.events", "sct.indicator.events" }) {
                producer.send(new ProducerRecord<>(topic, "k", EventJson.toBytes(EventEnvelope.create(
                        EventType.of("probe.sent", 1), topic, "DB-SCT", "probe", "k", Map.of())))).get(20, TimeUnit.SECONDS);
            }
            producer.send(new ProducerRecord<>("sct.member.events", "m-1", EventJson.toBytes(e))).get(20, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("sct.member.events", "m-1", EventJson.toBytes(e))).get(20, TimeUnit.SECONDS);
        }
        // the platform's lag endpoint (served by every service) is the one to wait on
        long deadline = System.currentTimeMillis() + 60_000;
        while (!given().auth().oauth2(TestTokens.as(Roles.ADMIN)).get("/api/v1/inbox/lag").then().statusCode(200)
                .extract().<Boolean>path("caughtUp") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).get("/api/v1/inbox/lag")
                .then().statusCode(200).body("caughtUp", equalTo(true)).body("totalLag", equalTo(0))
                .body("partitions.topic", hasItem("sct.indicator.events"));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/projections/events")
                .then().statusCode(200)
                .body("findAll { it.eventType == '" + e.type() + "' }.applied", equalTo(java.util.List.of(1)))
                .body("source", hasItem("sct.covid.events"))
                .body("source", hasItem("sct.indicator.events"))
                .body("source", hasItem("sct.inspection.events"));
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).get("/api/v1/inbox/lag").then().statusCode(403);
        // report-service no longer repeats it under its own path
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).get("/api/v1/projections/lag").then().statusCode(404);
    }
}
