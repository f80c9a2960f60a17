package vn.binhduong.sct.indicator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.binhduong.sct.indicator.Api.STAFF;
import static vn.binhduong.sct.indicator.Api.VIEWER;
import static vn.binhduong.sct.indicator.Api.get;
import static vn.binhduong.sct.indicator.Api.post;
import static vn.binhduong.sct.indicator.Api.unique;
import static vn.binhduong.sct.indicator.Api.value;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Quarters and years without a stored value are aggregated on read from their months and quarters. */
@QuarkusTest
class PeriodAggregationTest {

    private static void indicator(String code, String unit, String aggregation, String formula) {
        post(STAFF, "/api/v1/indicators", "{\"code\":\"" + code + "\",\"name\":\"Chỉ tiêu " + code + "\",\"unit\":\""
                + unit + "\",\"aggregation\":\"" + aggregation + "\""
                + (formula == null ? "" : ",\"formula\":\"" + formula + "\"") + "}").statusCode(201);
    }

    private static JsonPath query(String code, String org, String periodType, boolean aggregate) {
        return get(VIEWER, "/api/v1/values?total=true&indicator=" + code + "&organization=" + org
                + (periodType == null ? "" : "&periodType=" + periodType) + (aggregate ? "&aggregate=true" : ""))
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void sumOfThreeMonthsGivesTheQuarterMarkedAggregatedWithItsMonths() {
        String org = Api.org();
        String code = unique("SALES");
        indicator(code, "VND", "SUM", null);
        value(code, org, "2021-10", "100", null).statusCode(201);
        value(code, org, "2021-11", "250", null).statusCode(201);
        value(code, org, "2021-12", "400", null).statusCode(201);

        assertEquals(0, query(code, org, "QUARTER", false).getInt("total"), "not aggregated unless asked");
        JsonPath q = query(code, org, "QUARTER", true);
        assertEquals(1, q.getInt("total"));
        assertEquals("2021Q4", q.getString("items[0].period"));
        assertEquals(750, q.getInt("items[0].value"));
        assertEquals(true, q.getBoolean("items[0].aggregated"));
        assertEquals(null, q.getString("items[0].id"));
        assertEquals("SUM", q.getString("items[0].aggregate.method"));
        assertEquals(List.of("2021-10", "2021-11", "2021-12"), q.getList("items[0].aggregate.sourcePeriods"));
        assertEquals(3, q.getInt("items[0].aggregate.coveredMonths"));
        assertEquals(true, q.getBoolean("items[0].aggregate.complete"));

        JsonPath all = query(code, org, null, true);
        assertEquals(5, all.getInt("total"), "three stored months, the aggregated quarter and year");
        assertEquals(false, all.getBoolean("items.find { it.period == '2021-10' }.aggregated"));
        assertEquals(750, all.getInt("items.find { it.period == '2021' }.value"));
        assertEquals(false, all.getBoolean("items.find { it.period == '2021' }.aggregate.complete"));
    }

    @Test
    void lastTakesDecemberForTheYear() {
        String org = Api.org();
        String code = unique("MARKETS");
        indicator(code, "COUNT", "LAST", null);
        for (int m = 1; m <= 11; m++) {
            value(code, org, String.format("2021-%02d", m), String.valueOf(100 + m), null).statusCode(201);
        }
        value(code, org, "2021-12", "97", null).statusCode(201);
        JsonPath y = query(code, org, "YEAR", true);
        assertEquals(1, y.getInt("total"));
        assertEquals(97, y.getInt("items[0].value"));
        assertEquals("LAST", y.getString("items[0].aggregate.method"));
        assertEquals(List.of("2021-12"), y.getList("items[0].aggregate.sourcePeriods"));
        assertEquals(12, y.getInt("items[0].aggregate.coveredMonths"));
        assertEquals(true, y.getBoolean("items[0].aggregate.complete"));
        assertEquals(97, query(code, org, "QUARTER", true).getInt("items.find { it.period == '2021Q4' }.value"));
        assertEquals(103, query(code, org, "QUARTER", true).getInt("items.find { it.period == '2021Q1' }.value"));
    }

    @Test
    void averageAveragesTheMonthsOfTheQuarterAndTheYear() {
        String org = Api.org();
        String code = unique("RATE");
        indicator(code, "PERCENT", "AVERAGE", null);
        value(code, org, "2021-01", "10", null).statusCode(201);
        value(code, org, "2021-02", "20", null).statusCode(201);
        value(code, org, "2021-03", "60", null).statusCode(201);
        value(code, org, "2021-04", "50", null).statusCode(201);
        JsonPath q = query(code, org, "QUARTER", true);
        assertEquals(30.0, q.getDouble("items.find { it.period == '2021Q1' }.value"), 1e-9);
        assertEquals(50.0, q.getDouble("items.find { it.period == '2021Q2' }.value"), 1e-9);
        JsonPath y = query(code, org, "YEAR", true);
        assertEquals(35.0, y.getDouble("items[0].value"), 1e-9, "the mean of the four months, not of the two quarters");
        assertEquals("AVERAGE", y.getString("items[0].aggregate.method"));
        assertEquals(4, y.getInt("items[0].aggregate.coveredMonths"));
    }

    @Test
    void noneAggregationGivesNoQuarterOrYear() {
        String org = Api.org();
        String code = unique("RATIO");
        indicator(code, "PERCENT", "NONE", null);
        value(code, org, "2021-01", "10", null).statusCode(201);
        value(code, org, "2021-02", "20", null).statusCode(201);
        value(code, org, "2021-03", "30", null).statusCode(201);
        assertEquals(0, query(code, org, "QUARTER", true).getInt("total"));
        assertEquals(0, query(code, org, "YEAR", true).getInt("total"));
        assertEquals(3, query(code, org, null, true).getInt("total"), "only the stored months");
    }

    @Test
    void incompleteCoverageIsMarkedWithTheMonthsCovered() {
        String org = Api.org();
        String code = unique("EXP");
        indicator(code, "USD", "SUM", null);
        value(code, org, "2021-10", "5", null).statusCode(201);
        value(code, org, "2021-11", "7", null).statusCode(201);
        get(VIEWER, "/api/v1/values?indicator=" + code + "&organization=" + org + "&periodType=QUARTER&aggregate=true")
                .statusCode(200).body("total", equalTo(1)).body("items[0].value", equalTo(12))
                .body("items[0].aggregated", equalTo(true))
                .body("items[0].aggregate.coveredMonths", equalTo(2))
                .body("items[0].aggregate.expectedMonths", equalTo(3))
                .body("items[0].aggregate.complete", equalTo(false))
                .body("items[0].aggregate.sourcePeriods", equalTo(List.of("2021-10", "2021-11")))
                .body("items[0].source", containsString("2/3 tháng"));
    }

    @Test
    void storedYearlyValueWinsOverTheAggregateOfItsMonths() {
        String org = Api.org();
        String code = unique("IMP");
        indicator(code, "USD", "SUM", null);
        value(code, org, "2021-01", "10", null).statusCode(201);
        value(code, org, "2021-02", "20", null).statusCode(201);
        value(code, org, "2021", "1000", null).statusCode(201);
        get(VIEWER, "/api/v1/values?indicator=" + code + "&organization=" + org + "&periodType=YEAR&aggregate=true")
                .statusCode(200).body("total", equalTo(1)).body("items[0].value", equalTo(1000))
                .body("items[0].aggregated", equalTo(false)).body("items[0].aggregate", nullValue())
                .body("items[0].id", notNullValue());
        get(VIEWER, "/api/v1/values?indicator=" + code + "&organization=" + org + "&periodType=QUARTER&aggregate=true")
                .statusCode(200).body("total", equalTo(1)).body("items[0].value", equalTo(30))
                .body("items[0].aggregated", equalTo(true));
    }

    @Test
    void derivedRateIsItsFormulaOverTheAggregatedInputsNotAnAggregateOfMonthlyRates() {
        String org = Api.org();
        String part = unique("PART");
        String whole = unique("WHOLE");
        String rate = unique("SHARE");
        indicator(part, "COUNT", "SUM", null);
        indicator(whole, "COUNT", "SUM", null);
        indicator(rate, "PERCENT", "SUM", part + " / " + whole + " * 100");
        value(part, org, "2021-01", "1", null).statusCode(201);
        value(whole, org, "2021-01", "10", null).statusCode(201);
        value(part, org, "2021-02", "3", null).statusCode(201);
        value(whole, org, "2021-02", "10", null).statusCode(201);
        JsonPath q = query(rate, org, "QUARTER", true);
        assertEquals(1, q.getInt("total"));
        assertEquals(20.0, q.getDouble("items[0].value"), 1e-9, "4 / 20, not 10% + 30%");
        assertEquals(true, q.getBoolean("items[0].aggregated"));
        assertEquals(true, q.getBoolean("items[0].derived"));
        assertEquals("FORMULA", q.getString("items[0].aggregate.method"));
        assertEquals(4, q.getInt("items[0].inputs." + part));
        assertEquals(20, q.getInt("items[0].inputs." + whole));
        assertEquals(false, q.getBoolean("items[0].aggregate.complete"));
        assertEquals(2, query(rate, org, "MONTH", true).getInt("total"), "the stored monthly rates are unchanged");
    }

    @Test
    void aggregatedQuarterGrowsAgainstLastYearsAggregatedQuarterOnlyWhenBothAreComplete() {
        String org = Api.org();
        String code = unique("RETAIL");
        indicator(code, "VND", "SUM", null);
        for (String m : List.of("10", "11", "12")) {
            value(code, org, "2020-" + m, "100", null).statusCode(201);
            value(code, org, "2021-" + m, "110", null).statusCode(201);
        }
        for (String m : List.of("01", "02", "03")) {
            value(code, org, "2020-" + m, "40", null).statusCode(201);
        }
        value(code, org, "2021-01", "50", null).statusCode(201);
        get(VIEWER, "/api/v1/values?indicator=" + code + "&organization=" + org
                + "&periodType=QUARTER&from=2021&to=2021&aggregate=true").statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.period == '2021Q4' }.growth", equalTo(10.0f))
                .body("items.find { it.period == '2021Q4' }.growthBasis", equalTo("COMPUTED"))
                .body("items.find { it.period == '2021Q4' }.baseValue", equalTo(300))
                .body("items.find { it.period == '2021Q1' }.growth", nullValue())
                .body("items.find { it.period == '2021Q1' }.aggregate.coveredMonths", equalTo(1));
    }
}
