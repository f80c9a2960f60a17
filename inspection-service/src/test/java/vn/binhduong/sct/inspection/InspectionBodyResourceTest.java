package vn.binhduong.sct.inspection;

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
class InspectionBodyResourceTest {
    @Test
    void registeringPublishesOneEventAndRefusesADuplicate() {
        String body = "{\"code\":\"X-1\", \"name\":\"Tên\", \"organization\":\"DB-SCT\"}";
        try (EventProbe probe = EventProbe.fromNow("sct.inspection.events")) {
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/bodies").then().statusCode(201).body("code", equalTo("X-1"));
            List<EventEnvelope> events = probe.awaitType("inspection-body.registered", 1);
            assertEquals(1, events.size());
            assertEquals("X-1", events.get(0).payload().get("code").asText());
        }
        given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/bodies").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.as(Roles.INTEGRATION)).get("/api/v1/bodies/X-1").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * The department has one code on the wire (the contract's organisation registry): a body registered for SCT, the
     * code clients type, is published for SCT-BD, in the envelope and the payload; a party organisation's code is kept.
     */
    @Test
    void theDepartmentsFactsArePublishedUnderItsRegistryCode() {
        try (EventProbe probe = EventProbe.fromNow("sct.inspection.events")) {
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"code\":\"ORG-SCT\", \"name\":\"Thanh tra Sở\", \"organization\":\"SCT\"}")
                    .post("/api/v1/bodies").then().statusCode(201).body("organization", equalTo("SCT"));
            given().auth().oauth2(TestTokens.as(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"code\":\"ORG-DB\", \"name\":\"UBKT Đảng ủy\", \"organization\":\"DB-SCT\"}")
                    .post("/api/v1/bodies").then().statusCode(201);
            List<EventEnvelope> events = probe.awaitType("inspection-body.registered", 2);
            EventEnvelope department = events.stream().filter(e -> e.payload().get("code").asText().equals("ORG-SCT"))
                    .findFirst().orElseThrow();
            assertEquals("SCT-BD", department.organization());
            assertEquals("SCT-BD", department.payload().get("organization").asText());
            EventEnvelope party = events.stream().filter(e -> e.payload().get("code").asText().equals("ORG-DB"))
                    .findFirst().orElseThrow();
            assertEquals("DB-SCT", party.organization());
        }
    }
}
