package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.embedded.DemoScript;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Loads deploy/demo/2021/inspection-service.json and checks the seed's 2021 figures through the API. */
@QuarkusTest
class Demo2021Test {
    @Test
    void theDemoDataRebuildsTheSeedsFiguresAndLoadingItTwiceDoublesNothing() {
        // member-service's demo data loads first; here its events are published directly
        MemberEventsFixture.organization("DB-SCT");
        for (String cell : new String[] { "CB1", "CB2", "CB3", "CB4" }) {
            MemberEventsFixture.cell("DB-SCT", cell);
        }
        MemberEventsFixture.awaitKnown("DB-SCT", 5);
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        DemoScript demo = DemoScript.load(Path.of("../deploy/demo/2021/inspection-service.json"));
        demo.run(base, TestTokens.as(Roles.ADMIN));
        demo.run(base, TestTokens.as(Roles.ADMIN));

        String viewer = TestTokens.as(Roles.VIEWER);
        given().auth().oauth2(viewer).queryParam("year", 2021).queryParam("organization", "DB-SCT")
                .get("/api/v1/party-inspections/statistics").then().statusCode(200)
                .body("programmes", equalTo(2))
                .body("completion.planned", equalTo(4)).body("completion.concluded", equalTo(4))
                .body("completion.rate", equalTo(1.0f))
                .body("inspectionsConcluded", equalTo(2)).body("supervisionsConcluded", equalTo(2))
                .body("violationsFound", equalTo(0))
                .body("outcomes.collect { it.bodyCode + ' ' + it.kind + ' ' + it.targetRef }", containsInAnyOrder(
                        "BTV-DUSCT INSPECTION CB3", "BTV-DUSCT SUPERVISION CB1",
                        "UBKT-DUSCT INSPECTION CB4", "UBKT-DUSCT SUPERVISION CB2"))
                .body("cellsWithSelfInspectionPlan", equalTo(4)).body("cellsKnown", equalTo(4))
                .body("membersPlannedForSelfInspection", equalTo(16)).body("membersSelfInspected", equalTo(16));
        given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).queryParam("year", 2021).get("/api/v1/programmes").then()
                .body("items.documentNumber", containsInAnyOrder("06-CTr/ĐUSCT", "07-Ctr/UBKT"))
                .body("items.issuedOn", everyItem(equalTo("2021-02-02")));

        given().auth().oauth2(viewer).queryParam("year", 2021).get("/api/v1/state-inspections/statistics").then()
                .statusCode(200).body("delegations", equalTo(6)).body("interAgencyDelegationsJoined", equalTo(1))
                .body("penalties", equalTo(3)).body("individualsPenalized", equalTo(1)).body("businessesPenalized", equalTo(2))
                .body("totalAmountVnd", equalTo(100_000_000)).body("allComplied", equalTo(true));

        given().auth().oauth2(viewer).queryParam("year", 2021).get("/api/v1/compliance/statistics").then().statusCode(200)
                .body("teamsByScope.INDUSTRIAL_CLUSTER_BUSINESSES", equalTo(2))
                .body("teamsByScope.RETAIL_DISTRIBUTION", equalTo(15))
                .body("byEstablishmentType.find { it.establishmentType == 'INDUSTRIAL_CLUSTER_BUSINESS' }.reported.establishments",
                        containsInAnyOrder(83, 82))
                .body("byEstablishmentType.find { it.establishmentType == 'INDUSTRIAL_CLUSTER_BUSINESS' }.reportedFiguresDisagree", equalTo(true))
                .body("byEstablishmentType.find { it.establishmentType == 'MARKET' }.reported[0].establishments", equalTo(97))
                .body("byEstablishmentType.find { it.establishmentType == 'SUPERMARKET' }.reported[0].establishments", equalTo(11))
                .body("byEstablishmentType.find { it.establishmentType == 'CONVENIENCE_STORE' }.reported[0].establishments", equalTo(304))
                .body("discrepancies", hasSize(1));

        given().auth().oauth2(viewer).queryParam("year", 2021).get("/api/v1/postponed-work").then().statusCode(200)
                .body("", hasSize(4)).body("postponedToYear", everyItem(equalTo(2022)))
                .body("field", hasItems("CHEMICALS", "INDUSTRIAL_CLUSTERS", "ELECTRICITY", "INDUSTRIAL_EXPLOSIVES"))
                .body("category", hasItems("DRILL", "STATE_INSPECTION"));
    }
}
