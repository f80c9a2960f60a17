package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;

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
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.TestTokens;

/** Publishes member-service's events to sct.member.events the way member-service does, so tests do not need it. */
final class MemberEventsFixture {
    static final String TOPIC = "sct.member.events";

    private MemberEventsFixture() {
    }

    static void send(EventEnvelope e) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, e.aggregateId(), EventJson.toBytes(e))).get(20, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void organization(String code) {
        send(EventEnvelope.create(EventType.of("party-organization.registered", 1), "member-service", code,
                "party-organization", UUID.randomUUID().toString(),
                Map.of("code", code, "name", "Đảng bộ " + code, "superiorBody", "Đảng ủy khối")));
    }

    /** A cell as member-service announces it (party-cell.registered: cellId, organization, cellCode, cellName). */
    static String cell(String organization, String cellCode) {
        String id = UUID.randomUUID().toString();
        send(EventEnvelope.create(EventType.of("party-cell.registered", 1), "member-service", organization, "cell", id,
                Map.of("cellId", id, "organization", organization, "cellCode", cellCode, "cellName",
                        "Chi bộ " + cellCode.replace("CB", ""), "someFieldFromTheFuture", 1)));
        return id;
    }

    static String member(String organization, String cellCode) {
        String id = UUID.randomUUID().toString();
        send(EventEnvelope.create(EventType.of("member.admitted", 1), "member-service", organization, "member", id,
                Map.of("memberId", id, "organization", organization, "cellCode", cellCode, "status", "PROBATIONARY")));
        return id;
    }

    /** Waits until the service's read model knows {@code count} units of {@code organization}. */
    static void awaitKnown(String organization, int count) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            int total = given().auth().oauth2(TestTokens.as(Roles.ADMIN)).queryParam("organization", organization)
                    .queryParam("total", true).get("/api/v1/known-units").then().statusCode(200).extract().path("total");
            if (total >= count) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("read model did not learn " + count + " units of " + organization);
    }
}
