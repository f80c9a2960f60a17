package vn.binhduong.sct.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhduong.sct.indicator.Api.VIEWER;
import static vn.binhduong.sct.indicator.Api.get;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.embedded.DemoScript;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

@QuarkusTest
class DemoDataTest {
    private static JsonPath one(String indicator, String period) {
        JsonPath p = get(VIEWER, "/api/v1/values?total=true&organization=SCT-BD&indicator=" + indicator + "&from=" + period + "&to="
                + period).statusCode(200).body("total", equalTo(1)).extract().jsonPath();
        return p.setRootPath("items[0]");
    }

    @Test
    void demoFileLoadsTwiceWithoutDoublingAndShowsTheSeedFigures() {
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        DemoScript script = DemoScript.load(Path.of("../deploy/demo/2021/indicator-service.json"));
        script.run(base, TestTokens.as(Roles.ADMIN));
        int values = get(VIEWER, "/api/v1/values?total=true&organization=SCT-BD&size=500").extract().path("total");
        int targets = get(VIEWER, "/api/v1/targets?total=true&organization=SCT-BD&size=500").extract().path("total");
        int audit = get(TestTokens.as(Roles.ADMIN), "/api/v1/audit-entries?total=true&organization=SCT-BD").extract().path("total");
        Map<String, Object> run = script.run(base, TestTokens.as(Roles.ADMIN)).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue()));
        assertFalse(run.isEmpty());
        get(VIEWER, "/api/v1/values?total=true&organization=SCT-BD&size=500").body("total", equalTo(values));
        get(VIEWER, "/api/v1/targets?total=true&organization=SCT-BD&size=500").body("total", equalTo(targets));
        get(TestTokens.as(Roles.ADMIN), "/api/v1/audit-entries?total=true&organization=SCT-BD").body("total", equalTo(audit));

        JsonPath iip = one("IIP", "2021");
        assertEquals(4.51, iip.getDouble("growth"), 1e-9);
        assertFalse(iip.getBoolean("achievement.met"));
        assertEquals(9.2, iip.getDouble("targetGrowth"), 1e-9);
        JsonPath export = one("EXPORT", "2021");
        assertTrue(export.getBoolean("achievement.met"));
        assertEquals("31,5 tỷ USD", export.getString("displayText"));
        JsonPath retail = one("RETAIL", "2021");
        assertEquals("231.578 tỷ đồng", retail.getString("displayText"));
        assertFalse(retail.getBoolean("achievement.met"));
        JsonPath surplus = one("TRADE_SURPLUS", "2021");
        assertTrue(surplus.getBoolean("derived"));
        assertEquals(6.81, surplus.getDouble("displayValue"), 1e-9);
        assertEquals(6.8, one("TRADE_SURPLUS_REPORTED", "2021").getDouble("displayValue"), 1e-9);
        JsonPath bott = one("PRICE_STABILISATION_REVENUE", "2021");
        assertEquals(101.16, bott.getDouble("achievement.achievementPercent"), 1e-9);
        assertTrue(bott.getString("achievement.summary").contains("vượt 1,16%"));
        assertEquals(-1.6, one("ELECTRICITY", "2021").getDouble("growth"), 1e-9);
        assertEquals(107, one("MARKET", "2021").getInt("value"));
        assertEquals(8.9, get(VIEWER, "/api/v1/targets?organization=SCT-BD&indicator=IIP&from=2022&to=2022")
                .extract().jsonPath().getDouble("items[0].targetGrowth"), 1e-9);

        get(VIEWER, "/api/v1/violations?organization=SCT-BD&period=2021&rule=MARKETS_BY_CLASS").body("total", equalTo(1))
                .body("items[0].left", equalTo(107)).body("items[0].right", equalTo(99));
        get(VIEWER, "/api/v1/violations?organization=SCT-BD&period=2021&rule=TRADE_SURPLUS_AS_REPORTED")
                .body("total", equalTo(1));
        get(VIEWER, "/api/v1/violations?organization=SCT-BD&period=2021&rule=MARKETS_OPERATING")
                .body("items[0].left", equalTo(97)).body("items[0].right", equalTo(96));
        get(VIEWER, "/api/v1/violations?organization=SCT-BD&period=2021&rule=MARKETS_BY_AREA").body("total", equalTo(0));
        get(VIEWER, "/api/v1/violations?organization=SCT-BD&period=2021&rule=SUPERMARKETS_BY_CLASS").body("total", equalTo(0));
        get(VIEWER, "/api/v1/values?total=true&organization=SCT-BD&set=CHI_TIEU_CHU_YEU&from=2021&to=2021").body("total", equalTo(8));
    }
}
