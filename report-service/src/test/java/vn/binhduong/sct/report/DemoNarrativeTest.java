package vn.binhduong.sct.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.embedded.DemoScript;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The 2021 demo file loads through the public API, twice without adding anything, and feeds the report's prose. */
@QuarkusTest
class DemoNarrativeTest {
    @Test
    void demoFragmentsLoadIdempotentlyAndAppearInTheGeneratedReport() {
        // the organisation exists for report-service once member-service has told it (as the launcher loads it first)
        try (Events e = new Events()) {
            e.publish(Events.MEMBER, "party-organization.registered", "member-service", "DB-SCT", "DB-SCT", java.util.Map.of(
                    "code", "DB-SCT", "name", "Đảng bộ Sở Công Thương", "superiorBody", "Đảng bộ khối các cơ quan và doanh nghiệp tỉnh"));
        }
        Events.awaitCaughtUp();
        DemoScript demo = DemoScript.load(Path.of("../deploy/demo/2021/report-service.json"));
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        demo.run(base, TestTokens.as(Roles.ADMIN));
        demo.run(base, TestTokens.as(Roles.ADMIN));
        int sections = demo.size() - 1;
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("size", 100).get("/api/v1/narratives/DB-SCT/2021")
                .then().statusCode(200).body("total", equalTo(sections))
                .body("items.find { it.section == 'covid' }.version", equalTo(1));
        given().auth().oauth2(TestTokens.as(Roles.VIEWER)).get("/api/v1/reports/DB-SCT/2021/heading")
                .then().log().ifValidationFails().statusCode(200).body("version", equalTo(0));
        int v = given().auth().oauth2(TestTokens.as(Roles.PARTY_COMMITTEE)).post("/api/v1/reports/DB-SCT/2021/generate")
                .then().statusCode(201).extract().path("version");
        String md = new String(given().auth().oauth2(TestTokens.as(Roles.VIEWER))
                .get("/api/v1/reports/DB-SCT/2021/versions/" + v + ".md").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(md.contains("ĐẢNG ỦY SỞ CÔNG THƯƠNG") && md.contains("*Bình Dương, ngày      tháng      năm 2021*"), md);
        assertTrue(md.contains("Không có hạn chế chủ quan."), md);
        assertTrue(md.contains("[^1]: Quy định số 102-QĐ/TW"), md);
        assertTrue(md.contains("- Lưu: ĐUSCT, P “pdf”."), md);
    }
}
