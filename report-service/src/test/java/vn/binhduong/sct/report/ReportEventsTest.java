package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

/** What report-service itself publishes on sct.report.events, read back from the broker. */
@QuarkusTest
class ReportEventsTest {
    static final String TOPIC = "sct.report.events";
    static final String ORG = "T-EVT-" + Long.toString(System.nanoTime(), 36).toUpperCase();

    /** The probe starts at the topic's end; the topic must exist for that (the relay creates it on its first event). */
    @BeforeAll
    static void topicExists() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static EventEnvelope only(EventProbe probe, String type, String organization) {
        List<EventEnvelope> events = probe.await(e -> e.type().equals(type) && organization.equals(e.organization()), 1,
                Duration.ofSeconds(30));
        assertEquals(1, events.size(), "one " + type + " of " + organization + ": " + events);
        return events.get(0);
    }

    @Test
    void generatingAReportPublishesReportGeneratedWithItsHashesOffsetsAndTheRoleOnly() {
        try (Events e = new Events()) {
            e.publish(Events.COVID, "vaccination.recorded", "covid-ops-service", ORG, ORG + "-vac", Map.of(
                    "recordId", ORG + "-vac", "date", "2021-12-04", "doses", 300));
        }
        Events.awaitCaughtUp();
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            String body = given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).post("/api/v1/reports/" + ORG + "/2021/generate")
                    .then().statusCode(201).extract().asString();
            JsonPath version = JsonPath.from(body);
            EventEnvelope event = only(probe, "report.generated", ORG);
            assertEquals(1, event.version());
            assertEquals("report-service", event.source());
            assertEquals("report", event.aggregateType());
            assertEquals(ORG + "/2021", event.aggregateId());
            JsonNode p = event.payload();
            assertEquals(ORG, p.get("organization").asText());
            assertEquals(2021, p.get("year").asInt());
            assertEquals(version.getInt("version"), p.get("reportVersion").asInt());
            assertEquals(version.getString("contentHash"), p.get("contentHash").asText());
            for (String format : List.of("json", "md", "html", "docx")) {
                assertEquals(version.getString("hashes." + format), p.get("hashes").get(format).asText(), format);
            }
            Map<String, Object> offsets = version.getMap("offsets");
            assertFalse(offsets.isEmpty());
            offsets.forEach((partition, offset) -> assertEquals(((Number) offset).longValue(), p.get("offsets").get(partition).asLong(),
                    partition));
            assertEquals(Roles.PARTY_COMMITTEE, p.get("generatedByRole").asText());
            // the role, never the person: the token's user is "test-party-committee"
            assertFalse(p.toString().contains("test-" + Roles.PARTY_COMMITTEE), p.toString());
            assertEquals(List.of("contentHash", "generatedByRole", "hashes", "offsets", "organization", "reportVersion", "year"),
                    sortedFields(p));
        }
    }

    @Test
    void savingANarrativeVersionPublishesNarrativeSavedAndTheSameTextAgainPublishesNothing() {
        String org = ORG + "-N";
        try (Events e = new Events()) {
            e.publish(Events.MEMBER, "party-organization.registered", "member-service", org, org, Map.of("code", org,
                    "name", "Đảng bộ thử", "superiorBody", "Đảng bộ khối"));
        }
        Events.awaitCaughtUp();
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                    .body(Map.of("text", "Đã tiêm {{covid.vaccination.doses}} liều vắc-xin.", "footnotes", List.of(), "baseVersion", 0))
                    .put("/api/v1/narratives/" + org + "/2021/covid").then().statusCode(201);
            EventEnvelope event = only(probe, "narrative.saved", org);
            assertEquals("narrative", event.aggregateType());
            assertEquals(org + "/2021/covid", event.aggregateId());
            assertEquals(org, event.payload().get("organization").asText());
            assertEquals(2021, event.payload().get("year").asInt());
            assertEquals("covid", event.payload().get("section").asText());
            assertEquals(1, event.payload().get("fragmentVersion").asInt());
            assertEquals(List.of("fragmentVersion", "organization", "section", "year"), sortedFields(event.payload()));
            // the same text again: 200, no new version, no event
            given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).contentType(ContentType.JSON)
                    .body(Map.of("text", "Đã tiêm {{covid.vaccination.doses}} liều vắc-xin.", "footnotes", List.of(), "baseVersion", 1))
                    .put("/api/v1/narratives/" + org + "/2021/covid").then().statusCode(200);
            assertTrue(probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(e -> e.type().equals("narrative.saved") && org.equals(e.organization())).count() == 1);
        }
    }

    private static List<String> sortedFields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
