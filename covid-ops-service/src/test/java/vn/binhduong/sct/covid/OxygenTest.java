package vn.binhduong.sct.covid;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.testing.EventProbe;

@QuarkusTest
class OxygenTest {
    private static String capacity(String supplier, String date, long capacity, String unit, String containers) {
        return "{\"supplierCode\":\"" + supplier + "\",\"date\":\"" + date + "\",\"capacityBasis\":\"PRODUCTION\",\"capacity\":"
                + capacity + ",\"capacityUnit\":\"" + unit + "\",\"containers\":[" + containers + "],\"source\":\"test\"}";
    }

    private static String container(String kind, int count, long litres) {
        return "{\"kind\":\"" + kind + "\",\"count\":" + count + ",\"volumeLitres\":" + litres + "}";
    }

    private static void team(String code, String decisionDate) {
        Api.post("/api/v1/oxygen-coordination-teams", "{\"code\":\"" + code + "\",\"name\":\"Tổ điều phối Oxy\","
                + "\"decisionReference\":\"Quyết định số 2118/QĐ-SCT\",\"decisionDate\":\"" + decisionDate + "\",\"issuedBy\":\"UBND tỉnh\"}")
                .statusCode(201);
    }

    private static String coordination(String team, String date, String supplier, long quantity, String status) {
        return "{\"teamCode\":\"" + team + "\",\"date\":\"" + date + "\",\"requestingUnit\":\"Bệnh viện mẫu\",\"requestingUnitKind\":\"HOSPITAL\","
                + "\"supplierCode\":\"" + supplier + "\",\"quantity\":" + quantity + ",\"quantityUnit\":\"CYLINDERS\",\"status\":\"" + status + "\"}";
    }

    @Test
    void refusesCapacityOfAnEstablishmentThatIsNotAnOxygenSupplier() {
        Api.establishment("OX-T-MKT", "MARKET");
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-MKT", "2021-09-10", 100, "M3_PER_DAY", "")).statusCode(422)
                .contentType("application/problem+json").body("type", containsString("not-an-oxygen-supplier"))
                .body("detail", containsString("MARKET")).body("establishmentType", equalTo("MARKET"));
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-NONE", "2021-09-10", 100, "M3_PER_DAY", "")).statusCode(404);
    }

    @Test
    void refusesNegativeCapacityAndContainerCountsPerField() {
        Api.establishment("OX-T-S1", "OXYGEN_SUPPLIER");
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S1", "2021-09-10", -5, "M3_PER_DAY", container("CYLINDER", -1, -40)))
                .statusCode(400).body("errors.field", hasItem(containsString("capacity")))
                .body("errors.field", hasItem(containsString("count"))).body("errors.field", hasItem(containsString("volumeLitres")));
        Api.get("/api/v1/oxygen-capacities?supplier=OX-T-S1").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesAMissingCapacityUnitAndAKindListedTwice() {
        Api.establishment("OX-T-S2", "OXYGEN_SUPPLIER");
        Api.post("/api/v1/oxygen-capacities", "{\"supplierCode\":\"OX-T-S2\",\"date\":\"2021-09-10\",\"capacityBasis\":\"SUPPLY\",\"capacity\":10}")
                .statusCode(400).body("errors.field", hasItem(containsString("capacityUnit")));
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S2", "2021-09-10", 10, "KG_PER_DAY",
                container("TANK", 1, 10000) + "," + container("TANK", 2, 20000))).statusCode(400);
    }

    @Test
    void refusesACapacityReportDatedInTheFuture() {
        Api.establishment("OX-T-S3", "OXYGEN_SUPPLIER");
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S3", LocalDate.now().plusDays(2).toString(), 10, "M3_PER_DAY", ""))
                .statusCode(422).body("type", containsString("date-in-future"));
    }

    @Test
    void reportsOncePerSupplierAndDateWithAnEventAndFiltersByDateRange() {
        Api.establishment("OX-T-S4", "OXYGEN_SUPPLIER");
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S4", "2021-09-10", 5000, "M3_PER_DAY",
                    container("CYLINDER", 1200, 48000) + "," + container("TANK", 2, 30000))).statusCode(201)
                    .body("containers.find { it.kind == 'CYLINDER' }.count", equalTo(1200))
                    .body("containers.find { it.kind == 'OTHER' }.count", equalTo(0));
            List<EventEnvelope> events = probe.await(e -> e.type().equals("oxygen-capacity.reported")
                    && "OX-T-S4".equals(e.payload().path("supplierCode").asText()), 1, Duration.ofSeconds(20));
            var payload = events.get(0).payload();
            assertEquals(5000, payload.get("capacity").asLong());
            assertEquals("M3_PER_DAY", payload.get("capacityUnit").asText());
            assertEquals("2021-09-10", payload.get("date").asText());
            assertEquals(48000, payload.get("containers").get(0).get("volumeLitres").asLong());
        }
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S4", "2021-09-10", 1, "M3_PER_DAY", "")).statusCode(409);
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S4", "2021-09-20", 6000, "M3_PER_DAY", "")).statusCode(201);
        Api.get("/api/v1/oxygen-capacities?supplier=OX-T-S4").statusCode(200).body("total", equalTo(2));
        Api.get("/api/v1/oxygen-capacities?supplier=OX-T-S4&from=2021-09-11&to=2021-09-30").statusCode(200)
                .body("total", equalTo(1)).body("items[0].capacity", equalTo(6000));
    }

    @Test
    void statisticsSumEachSuppliersLatestReportPerUnitAndKindAsOfADate() {
        // dates of their own, so no other test's reports of these days count (the database is shared)
        Api.establishment("OX-T-S5", "OXYGEN_SUPPLIER");
        Api.establishment("OX-T-S6", "OXYGEN_SUPPLIER");
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S5", "2020-01-10", 1000, "M3_PER_DAY", container("CYLINDER", 100, 4000)))
                .statusCode(201);
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S5", "2020-01-20", 1500, "M3_PER_DAY", container("CYLINDER", 150, 6000)))
                .statusCode(201);
        Api.post("/api/v1/oxygen-capacities", capacity("OX-T-S6", "2020-01-15", 700, "KG_PER_DAY",
                container("TANK", 3, 9000) + "," + container("CYLINDER", 10, 400))).statusCode(201);
        // on 2020-01-16: S5's report of the 10th and S6's of the 15th; units are never added together
        Api.get("/api/v1/oxygen-capacities/statistics?asOf=2020-01-16").statusCode(200)
                .body("suppliersReporting", equalTo(2))
                .body("capacityByUnit.M3_PER_DAY", equalTo(1000)).body("capacityByUnit.KG_PER_DAY", equalTo(700))
                .body("containers.find { it.kind == 'CYLINDER' }.count", equalTo(110))
                .body("containers.find { it.kind == 'CYLINDER' }.volumeLitres", equalTo(4400))
                .body("containers.find { it.kind == 'TANK' }.count", equalTo(3));
        // on 2020-01-25 S5's later report replaces its earlier one
        Api.get("/api/v1/oxygen-capacities/statistics?asOf=2020-01-25").statusCode(200)
                .body("capacityByUnit.M3_PER_DAY", equalTo(1500))
                .body("containers.find { it.kind == 'CYLINDER' }.count", equalTo(160));
        Api.get("/api/v1/oxygen-capacities/statistics?asOf=2020-01-12").statusCode(200)
                .body("suppliersReporting", equalTo(1)).body("capacityByUnit.KG_PER_DAY", equalTo(null));
    }

    @Test
    void recordsCoordinationsOfATeamWithAnEventWithoutPersonalDataAndFilters() {
        Api.establishment("OX-T-S7", "OXYGEN_SUPPLIER");
        team("OX-T-TEAM1", "2021-09-04");
        try (EventProbe probe = EventProbe.fromNow("sct.covid.events")) {
            Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM1", "2021-09-12", "OX-T-S7", 200, "SUPPLIED"))
                    .statusCode(201).body("supplierCode", equalTo("OX-T-S7")).body("teamCode", equalTo("OX-T-TEAM1"));
            List<EventEnvelope> events = probe.await(e -> e.type().equals("oxygen-coordination.recorded")
                    && "OX-T-S7".equals(e.payload().path("supplierCode").asText()), 1, Duration.ofSeconds(20));
            var payload = events.get(0).payload();
            assertEquals(200, payload.get("quantity").asLong());
            assertEquals("SUPPLIED", payload.get("status").asText());
            assertEquals("HOSPITAL", payload.get("requestingUnitKind").asText());
            assertFalse(payload.has("note"), "the free-text note may name people: it stays out of the event");
        }
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM1", "2021-10-01", "OX-T-S7", 50, "REQUESTED")).statusCode(201);
        Api.get("/api/v1/oxygen-coordinations?supplier=OX-T-S7").statusCode(200).body("total", equalTo(2));
        Api.get("/api/v1/oxygen-coordinations?supplier=OX-T-S7&from=2021-09-20&to=2021-10-31").statusCode(200)
                .body("total", equalTo(1)).body("items[0].quantity", equalTo(50));
        Api.get("/api/v1/oxygen-coordinations?team=OX-T-TEAM1&status=SUPPLIED").statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusesACoordinationWithANonSupplierANegativeQuantityOrAFutureDate() {
        Api.establishment("OX-T-S8", "OXYGEN_SUPPLIER");
        Api.establishment("OX-T-SUP", "SUPERMARKET");
        team("OX-T-TEAM2", "2021-09-04");
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM2", "2021-09-12", "OX-T-SUP", 10, "SUPPLIED"))
                .statusCode(422).body("type", containsString("not-an-oxygen-supplier")).body("establishmentType", equalTo("SUPERMARKET"));
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM2", "2021-09-12", "OX-T-S8", -1, "SUPPLIED"))
                .statusCode(400).body("errors.field", hasItem(containsString("quantity")));
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM2", LocalDate.now().plusDays(3).toString(), "OX-T-S8", 1, "REQUESTED"))
                .statusCode(422).body("type", containsString("date-in-future"));
        Api.get("/api/v1/oxygen-coordinations?supplier=OX-T-S8").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesACoordinationDatedBeforeTheDecisionThatSetUpTheTeam() {
        Api.establishment("OX-T-S9", "OXYGEN_SUPPLIER");
        team("OX-T-TEAM5", "2021-09-04");
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM5", "2021-09-03", "OX-T-S9", 1, "REQUESTED"))
                .statusCode(422).body("type", containsString("action-before-team-decision"))
                .body("decisionDate", equalTo("2021-09-04")).body("date", equalTo("2021-09-03"));
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM5", "2021-09-04", "OX-T-S9", 1, "REQUESTED")).statusCode(201);
        Api.get("/api/v1/oxygen-coordinations?supplier=OX-T-S9").statusCode(200).body("total", equalTo(1));
    }

    @Test
    void statisticsListTheTeamsSetUpByTheDateAndCountTheirRecordsByStatus() {
        Api.establishment("OX-T-S10", "OXYGEN_SUPPLIER");
        team("OX-T-TEAM6", "2019-03-01");
        int before = Api.get("/api/v1/oxygen-capacities/statistics?asOf=2019-03-10").statusCode(200)
                .extract().path("coordinationsByStatus.NOT_SUPPLIED");
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM6", "2019-03-05", "OX-T-S10", 3, "NOT_SUPPLIED")).statusCode(201);
        Api.post("/api/v1/oxygen-coordinations", coordination("OX-T-TEAM6", "2019-03-20", "OX-T-S10", 3, "NOT_SUPPLIED")).statusCode(201);
        Api.get("/api/v1/oxygen-capacities/statistics?asOf=2019-03-10").statusCode(200)
                .body("coordinationsByStatus.NOT_SUPPLIED", equalTo(before + 1))
                .body("coordinationTeams.code", hasItem("OX-T-TEAM6"));
        Api.get("/api/v1/oxygen-capacities/statistics?asOf=2019-02-28").statusCode(200)
                .body("coordinationTeams.findAll { it.code == 'OX-T-TEAM6' }.size()", equalTo(0));
    }

    @Test
    void documentsTheOxygenEndpointsInOpenApi() {
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/oxygen-capacities'.post.summary", containsString("OXYGEN_SUPPLIER"))
                .body("paths.'/api/v1/oxygen-capacities/statistics'.get.summary", containsString("as of a date"))
                .body("paths.'/api/v1/oxygen-coordinations'.get.parameters.name", hasItem("supplier"))
                .body("components.schemas.CapacityRequest.properties.capacityUnit", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void refusesATeamDecidedInTheFutureAndASecondTeamWithTheSameCode() {
        Api.post("/api/v1/oxygen-coordination-teams", "{\"code\":\"OX-T-TEAM3\",\"name\":\"Tổ\",\"decisionReference\":\"QĐ\",\"decisionDate\":\""
                + LocalDate.now().plusDays(5) + "\"}").statusCode(422).body("type", containsString("date-in-future"));
        team("OX-T-TEAM4", "2021-09-04");
        Api.post("/api/v1/oxygen-coordination-teams", "{\"code\":\"OX-T-TEAM4\",\"name\":\"Tổ\",\"decisionReference\":\"QĐ\",\"decisionDate\":\"2021-09-04\"}")
                .statusCode(409);
    }
}
