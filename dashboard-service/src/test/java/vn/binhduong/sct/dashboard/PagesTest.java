package vn.binhduong.sct.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The pages over the stand-in's 2021 answers: what a person reads, the CSP, the reports, the roles. */
@QuarkusTest
@QuarkusTestResource(value = ReportServiceStandIn.class, restrictToAnnotatedClass = true)
class PagesTest {

    @BeforeEach
    void standIn() {
        ReportServiceStandIn.reset();
    }

    @Test
    void theOverviewShowsTheYearsFiguresTheVietnameseWayWithChartsAndTargets() {
        Response r = Browser.loggedIn("committee", "committee-pass").get("/o/DB-SCT/2021");
        assertEquals(200, r.statusCode());
        String html = r.asString();
        for (String expected : new String[] { "Tổng số đảng viên", ">60<", "69.180", "0,57%", "46.446", "1.646", "tăng 4,51%",
                "tăng 9,2%", "Chưa đạt", "Số liệu đến ngày 04/12/2021", "Số liệu cần rà soát", "<svg", "role=\"img\"",
                "Chỉ tiêu: thực hiện so với kế hoạch", "history?key=indicator.IIP.growth", "Văn phòng Đảng ủy" }) {
            assertTrue(html.contains(expected), "missing " + expected);
        }
        assertFalse(html.contains("4.51") || html.contains("69180"), "a number not written the Vietnamese way");
        assertFalse(html.contains("<script>") || html.contains("style=\"") || html.contains("http://")
                && html.replace("http://www.w3.org/2000/svg", "").contains("http://"), "inline script, inline style or another site");
        String csp = r.header("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), csp);
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    @Test
    void aFiguresHistoryIsAChartOfItsYearsWithThePlanBesideIt() {
        String html = Browser.loggedIn("viewer", "viewer-pass").get("/o/DB-SCT/history?key=indicator.IIP.growth&year=2021").asString();
        assertTrue(html.contains("Chỉ số sản xuất công nghiệp (IIP)"), html);
        assertTrue(html.contains("8,02%") && html.contains("4,51%") && html.contains("9,2%") && html.contains("8,9%"), html);
        assertTrue(html.contains("stroke-dasharray"), "the plan's mark");
        assertTrue(html.contains("<desc>2020: 8,02%. 2021: 4,51% (kế hoạch 9,2%). 2022: không có số liệu (kế hoạch 8,9%).</desc>"), html);
    }

    @Test
    void theReportsListHashesAndDownloadsAndOnlyTheCommitteeAndAdminMayGenerate() {
        Browser viewer = Browser.loggedIn("viewer", "viewer-pass");
        String list = viewer.get("/o/DB-SCT/2021/reports").asString();
        assertTrue(list.contains("fb271c5e1f49533ed1bdf15b482ea1ce54a0cb48404487e54c41ff58a21968dc"), "the content hash");
        assertTrue(list.contains("/o/DB-SCT/2021/reports/1.docx") && list.contains("/o/DB-SCT/2021/reports/1.md")
                && list.contains("/o/DB-SCT/2021/reports/1.json") && list.contains("/o/DB-SCT/2021/reports/1.html"));
        assertFalse(list.contains("Tạo báo cáo ngay"), "a viewer is offered no generate button");
        Response forged = viewer.post("/o/DB-SCT/2021/reports", "csrf-token", Browser.csrf(viewer.get("/o/DB-SCT/2021/reports")));
        assertEquals(403, forged.statusCode());
        ReportServiceStandIn.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/reports/DB-SCT/2021/generate")));

        Response docx = viewer.get("/o/DB-SCT/2021/reports/1.docx");
        assertEquals(200, docx.statusCode());
        assertTrue(docx.header("Content-Disposition").startsWith("attachment; filename=\"bao-cao-DB-SCT-2021-v1.docx\""));
        assertArrayEquals(ReportServiceStandIn.bytes("report.docx"), docx.asByteArray());

        Response inPlace = viewer.get("/o/DB-SCT/2021/reports/1.html?inline=true");
        assertTrue(inPlace.header("Content-Disposition").startsWith("inline"));
        assertTrue(inPlace.header("Content-Security-Policy").contains("sandbox"), "the report's HTML runs nothing");
        String frame = viewer.get("/o/DB-SCT/2021/reports/1").asString();
        assertTrue(frame.contains("<iframe") && frame.contains("sandbox") && frame.contains("1.html?inline=true"), frame);
    }

    @Test
    void generateNowNeedsTheCsrfTokenThenStoresAVersionThroughTheApi() {
        Browser committee = Browser.loggedIn("committee", "committee-pass");
        Response list = committee.get("/o/DB-SCT/2021/reports");
        assertTrue(list.asString().contains("Tạo báo cáo ngay"));
        assertEquals(400, committee.post("/o/DB-SCT/2021/reports").statusCode(), "no CSRF token");
        ReportServiceStandIn.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/reports/DB-SCT/2021/generate")));
        Response r = committee.post("/o/DB-SCT/2021/reports", "csrf-token", Browser.csrf(list));
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/o/DB-SCT/2021/reports?generated=2"));
        ReportServiceStandIn.server.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/reports/DB-SCT/2021/generate")));
    }

    @Test
    void whatTheApiRefusesThePageSaysInWordsWithTheSameStatus() {
        Browser b = Browser.loggedIn("secretary-cb1", "secretary-pass");
        ReportServiceStandIn.server.stubFor(get(urlPathEqualTo("/api/v1/dashboards/DB-SCT/2021")).atPriority(1)
                .willReturn(ReportServiceStandIn.problem(403)));
        Response r = b.get("/o/DB-SCT/2021");
        assertEquals(403, r.statusCode());
        assertTrue(r.asString().contains("không có quyền"), r.asString());
        Response none = b.get("/o/DB-SCT/2019");
        assertEquals(404, none.statusCode());
        assertTrue(none.asString().contains("Chưa có số liệu"));
        ReportServiceStandIn.server.stubFor(get(urlPathEqualTo("/api/v1/dashboards/DB-SCT/2021")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        Response down = b.get("/o/DB-SCT/2021");
        assertEquals(503, down.statusCode());
        assertTrue(down.asString().contains("Không kết nối được"), down.asString());
        assertEquals(400, b.get("/o/DB-SCT/history?key=bad%20key").statusCode());
    }

    @Test
    void theFreshnessStampChangesWhenAnEventIsAppliedAndTheLagIsShownToWhoMayReadIt() {
        Browser admin = Browser.loggedIn("admin", "admin-pass");
        String html = admin.get("/o/DB-SCT/2021").asString();
        assertTrue(html.contains("đã cập nhật đủ, không còn sự kiện chờ"), "the admin reads the lag");
        String before = admin.get("/o/DB-SCT/2021/freshness").jsonPath().getString("stamp");
        assertEquals(before, admin.get("/o/DB-SCT/2021/freshness").jsonPath().getString("stamp"));
        ReportServiceStandIn.server.stubFor(get(urlPathEqualTo("/api/v1/projections/events")).atPriority(1)
                .willReturn(okJson("[{\"source\":\"member-service\",\"eventType\":\"member.registered\",\"applied\":1,"
                        + "\"lastOccurredAt\":\"2021-12-04T03:00:00Z\"}]")));
        Response after = admin.get("/o/DB-SCT/2021/freshness");
        assertNotEquals(before, after.jsonPath().getString("stamp"));
        assertTrue(after.jsonPath().getString("text").contains("10:00:00 04/12/2021"), after.asString());
        String viewer = Browser.loggedIn("viewer", "viewer-pass").get("/o/DB-SCT/2021").asString();
        assertFalse(viewer.contains("sự kiện chờ"), "the lag is the admin's and integration's");
        assertEquals(401, new Browser().get("/o/DB-SCT/2021/freshness").statusCode());
    }
}
