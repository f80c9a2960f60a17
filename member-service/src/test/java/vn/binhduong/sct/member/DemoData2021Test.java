package vn.binhduong.sct.member;

import static org.hamcrest.Matchers.equalTo;
import static vn.binhduong.sct.member.Api.get;

import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.embedded.DemoScript;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The demo file rebuilds the seed's 2021 facts through the public API, and a second run adds nothing. */
@QuarkusTest
class DemoData2021Test {
    @Test
    void demoFileRebuildsTheSeedFiguresOf2021AndRunsTwiceWithoutDoubling() {
        DemoScript script = DemoScript.load(Path.of("../deploy/demo/2021/member-service.json"));
        String url = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        script.run(url, TestTokens.as(Roles.ADMIN));
        script.run(url, TestTokens.as(Roles.ADMIN));

        String viewer = TestTokens.as(Roles.VIEWER);
        String org = "/api/v1/organizations/DB-SCT";
        get(viewer, org).statusCode(200).body("name", equalTo("Đảng bộ Sở Công Thương"))
                .body("superiorBody", equalTo("Đảng bộ khối các cơ quan và doanh nghiệp tỉnh"))
                .body("termStartYear", equalTo(2020)).body("termEndYear", equalTo(2025));
        get(viewer, org + "/cells").statusCode(200).body("size()", equalTo(4)).body("[1].name", equalTo("Chi bộ 2"));
        get(viewer, org + "/statistics/members?date=2021-12-31").statusCode(200)
                .body("total", equalTo(60)).body("byStatus.PROBATIONARY", equalTo(1)).body("byStatus.OFFICIAL", equalTo(59))
                .body("religious", equalTo(1)).body("cells.size()", equalTo(4));
        get(viewer, org + "/statistics/changes?from=2021-01-01&to=2021-12-31").statusCode(200)
                .body("byKind.CONFIRMED", equalTo(4)).body("byKind.ADMITTED", equalTo(0));
        // member-level data (committee seats, positions, trainings, candidates) is not for a viewer
        for (String memberLevel : java.util.List.of("/committees", "/trainings", "/candidates", "/members")) {
            get(viewer, org + memberLevel).statusCode(403);
        }
        String committee = TestTokens.as(Roles.PARTY_COMMITTEE);
        get(committee, org + "/committees").statusCode(200).body("size()", equalTo(4))
                .body("find { it.kind == 'CELL' }.cellCode", equalTo("CB4"))
                .body("find { it.kind == 'CELL' }.members.find { it.position == 'SECRETARY' }.since", equalTo("2021-06-01"))
                .body("find { it.kind == 'EXECUTIVE' }.seats", equalTo(11)).body("find { it.kind == 'EXECUTIVE' }.seatsFilled", equalTo(11))
                .body("find { it.kind == 'STANDING' }.seats", equalTo(3)).body("find { it.kind == 'STANDING' }.seatsFilled", equalTo(3))
                .body("find { it.kind == 'INSPECTION' }.seats", equalTo(5)).body("find { it.kind == 'INSPECTION' }.seatsFilled", equalTo(5));
        String chair = get(committee, org + "/committees").extract()
                .path("find { it.kind == 'INSPECTION' }.members.find { it.position == 'INSPECTION_CHAIR' }.memberId");
        get(viewer, "/api/v1/members/" + chair + "/positions").statusCode(403);
        get(committee, "/api/v1/members/" + chair + "/positions").statusCode(200)
                .body("find { it.committeeKind == 'EXECUTIVE' }.position", equalTo("DEPUTY_SECRETARY"));
        get(committee, org + "/trainings?year=2021&programme=INTERMEDIATE_POLITICAL_THEORY").statusCode(200).body("total", equalTo(3));
        get(committee, org + "/candidates?year=2021").statusCode(200).body("total", equalTo(1));
        get(viewer, org + "/residence-feedback?year=2021").statusCode(200).body("good", equalTo(60));
        get(viewer, org + "/statistics/ratings?year=2021").statusCode(200).body("status", equalTo("FINALIZED"))
                .body("eligibleMembers", equalTo(60)).body("ratedMembers", equalTo(60))
                .body("membersByRating.EXCELLENT", equalTo(12)).body("goodOrBetter", equalTo(60)).body("maxExcellent", equalTo(12))
                .body("cellsByRating.GOOD", equalTo(3)).body("cellsByRating.EXCELLENT", equalTo(1))
                .body("cells.find { it.cellName == 'Chi bộ 2' }.rating", equalTo("EXCELLENT"))
                .body("organizationRating", equalTo("EXCELLENT"));
    }
}
