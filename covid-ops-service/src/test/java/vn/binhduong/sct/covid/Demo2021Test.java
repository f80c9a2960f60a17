package vn.binhduong.sct.covid;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.embedded.DemoScript;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The 2021 demo file rebuilds the figures of section II.7 of the seed report, and loading it twice changes nothing. */
@QuarkusTest
class Demo2021Test {
    @Test
    void theDemoFileRebuildsTheReportFiguresAndLoadingItTwiceAddsNothing() {
        DemoScript script = DemoScript.load(Path.of("../deploy/demo/2021/covid-ops-service.json"));
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        script.run(base, TestTokens.as(Roles.ADMIN));
        script.run(base, TestTokens.as(Roles.ADMIN));
        assertFigures();
    }

    private static void assertFigures() {
        Api.get("/api/v1/testing/statistics?campaign=XN-2050&asOf=2021-12-04").statusCode(200)
                .body("testsPerformed", equalTo(69180)).body("positives", equalTo(392))
                .body("positiveRateDisplay", equalTo("0,57%"))
                .body("reported[0].statedRateDisplay", equalTo("0,47%"))
                .body("reported[0].statedRateConsistent", equalTo(false))
                .body("reported[0].countsMatchRecorded", equalTo(true));
        Api.get("/api/v1/vaccinations/statistics?asOf=2021-12-04&campaign=VX-2021").statusCode(200).body("doses", equalTo(46446));
        Api.get("/api/v1/permits/statistics?asOf=2021-12-04").statusCode(200)
                .body("reported[0].total", equalTo(1646))
                .body("reported[0].byKind.DELIVERY_WORKER", equalTo(1478))
                .body("reported[0].byKind.IMPORT_EXPORT_STAFF", equalTo(158))
                .body("reported[0].notSplitByKind", equalTo(10))
                .body("reported[0].splitConsistent", equalTo(false));
        Api.get("/api/v1/clusters/statistics?asOf=2021-12-04").statusCode(200)
                .body("provinceStatus.businessesOperating", equalTo(83)).body("provinceStatus.businessesTotal", equalTo(83))
                .body("provinceStatus.threeGreen", equalTo(83)).body("provinceStatus.workers", equalTo(17713))
                .body("provinceStatus.switchedOnSiteToThreeGreen", equalTo(60))
                .body("provinceStatus.cumulativePositives", equalTo(1509))
                .body("mobileHealthStations", equalTo(5)).body("mobileHealthTeams", equalTo(1))
                .body("clustersWithTeam", contains("CCN Thanh An"))
                .body("clustersWithStation", hasItem("CCN Phú Chánh 1"));
        Api.get("/api/v1/retail-statuses/statistics?asOf=2021-12-04").statusCode(200)
                .body("categories.find { it.category == 'MARKET' }.display", equalTo("64/97 (66%)"))
                .body("categories.find { it.category == 'SUPERMARKET' }.display", equalTo("11/11 (100%)"))
                .body("categories.find { it.category == 'CONVENIENCE_STORE' }.display", equalTo("221/221 (100%)"));
        // other tests of the module add oxygen suppliers of their own to the shared database: look for the demo's four
        Api.get("/api/v1/establishments?type=OXYGEN_SUPPLIER&size=500").statusCode(200)
                .body("items.code", hasItems("OXY-01", "OXY-02", "OXY-03", "OXY-04"));
        // the seed gives no capacity figures: the demo records none, only the coordination team and its decision
        Api.get("/api/v1/oxygen-capacities/statistics?asOf=2021-12-04").statusCode(200)
                .body("coordinationTeams.findAll { it.code == 'TDP-OXY-2118' }.size()", equalTo(1))
                .body("coordinationTeams.find { it.code == 'TDP-OXY-2118' }.decisionReference", equalTo("Quyết định số 2118/QĐ-SCT"))
                .body("coordinationTeams.find { it.code == 'TDP-OXY-2118' }.decisionDate", equalTo("2021-09-04"))
                .body("latestReports.findAll { it.supplierCode.startsWith('OXY-0') }.size()", equalTo(0));
        Api.get("/api/v1/oxygen-coordination-teams?size=500").statusCode(200)
                .body("items.findAll { it.code == 'TDP-OXY-2118' }.size()", equalTo(1));
        Api.get("/api/v1/lockdown-operations").statusCode(200)
                .body("items.find { it.code == 'KCDC-2021-08' }.wards", equalTo(11))
                .body("items.find { it.code == 'KCDC-2021-08' }.staffAssigned", equalTo(23));
    }
}
