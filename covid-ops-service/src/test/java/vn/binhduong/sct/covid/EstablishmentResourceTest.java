package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.EventProbe;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)
class EstablishmentResourceTest {
    @Test
    void registeringPublishesOneEventAndRefusesADuplicate() {
        String body = "{\"code\":\"X-1\", \"name\":\"Tên\", \"type\":\"MARKET\"}";
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/establishments").then().statusCode(201).body("code", equalTo("X-1"));
            List<EventEnvelope> events = probe.awaitType("establishment.registered", 1);
            assertEquals(1, events.size());
            assertEquals("X-1", events.get(0).payload().get("code").asText());
        }
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/establishments").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/establishments/X-1").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * One establishment vocabulary on the wire: this service's CLUSTER_BUSINESS is published as the contract's
     * INDUSTRIAL_CLUSTER_BUSINESS (inspection-service's name), while its own API keeps answering CLUSTER_BUSINESS; the
     * organisation is the registry's department code.
     */
    @Test
    void aClusterBusinessIsPublishedInTheSharedVocabulary() {
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"code\":\"CCN-V1\", \"name\":\"Công ty trong CCN\", \"type\":\"CLUSTER_BUSINESS\"}")
                    .post("/api/v1/establishments").then().statusCode(201).body("type", equalTo("CLUSTER_BUSINESS"));
            EventEnvelope e = probe.awaitType("establishment.registered", 1).get(0);
            assertEquals("CCN-V1", e.payload().get("code").asText());
            assertEquals("INDUSTRIAL_CLUSTER_BUSINESS", e.payload().get("type").asText());
            assertEquals("SCT-BD", e.organization());
        }
    }
}
