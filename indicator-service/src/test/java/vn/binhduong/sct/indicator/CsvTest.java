package vn.binhduong.sct.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhduong.sct.indicator.Api.STAFF;
import static vn.binhduong.sct.indicator.Api.VIEWER;
import static vn.binhduong.sct.indicator.Api.get;
import static vn.binhduong.sct.indicator.Api.indicator;
import static vn.binhduong.sct.indicator.Api.unique;
import static vn.binhduong.sct.indicator.Api.value;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The CSV import and export: RFC 4180 through commons-csv, real line numbers, a byte-order mark only at the start. */
@QuarkusTest
class CsvTest {
    private static io.restassured.response.ValidatableResponse importCsv(byte[] body) {
        return given().auth().oauth2(STAFF).contentType("text/csv").body(body).post("/api/v1/value-imports").then();
    }

    @Test
    void aQuotedLineBreakIsOneRowAndRejectedRowsGiveThePhysicalLineTheyStartOn() {
        String org = Api.org();
        String a = unique("CSVA");
        indicator(a, "COUNT", "ONE", null);
        String csv = "\uFEFFindicator,organization,period,kind,value,note\r\n"
                + a + "," + org + ",2019,ACTUAL,1,\"dòng một\r\ndòng hai\nvà \"\"ba\"\"\"\r\n" // lines 2-4
                + a + "," + org + ",2021Q5,ACTUAL,2,\r\n"                                   // line 5: bad period
                + "\r\n"                                                                     // line 6: blank
                + a + "," + org + ",2020,ACTUAL,x,\r\n"                                      // line 7: not a number
                + a + "," + org + ",2021,ACTUAL,3,\"\uFEFFgiữ BOM\"\r\n";                    // line 8
        importCsv(csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("rows", equalTo(4))
                .body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("details.line", equalTo(List.of(2, 5, 7, 8)))
                .body("details[1].reason", containsString("2021Q5"))
                .body("details[2].reason", containsString("not a number"));
        JsonPath stored = get(VIEWER, "/api/v1/values?total=true&organization=" + org + "&indicator=" + a).statusCode(200)
                .body("total", equalTo(2)).extract().jsonPath();
        assertEquals("dòng một\r\ndòng hai\nvà \"ba\"", stored.getString("items.find { it.period == '2019' }.note"));
        assertEquals("\uFEFFgiữ BOM", stored.getString("items.find { it.period == '2021' }.note"),
                "U+FEFF inside the data is data");
    }

    @Test
    void malformedCsvIsA400NamingTheLine() {
        String org = Api.org();
        String csv = "indicator,organization,period,kind,value\nX," + org + ",2021,ACTUAL,1\nX," + org + ",\"2021\"x,ACTUAL,1\n";
        importCsv(csv.getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 3"));
    }

    @Test
    void exportIsStreamedCsvThatImportsAgainIntoAnotherOrganisation() throws Exception {
        String org = Api.org();
        String other = Api.org();
        String a = unique("CSVX");
        String b = unique("CSVY");
        indicator(a, "VND", "BILLION", null);
        indicator(b, "COUNT", "ONE", null);
        value(a, org, "2021-12", "231578000000000", "3.4").statusCode(201);
        value(b, org, "2021Q4", "107", null).statusCode(201);
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"indicator\":\"" + b + "\",\"organization\":\""
                + org + "\",\"period\":\"2021\",\"kind\":\"ACTUAL\",\"value\":97,\"note\":\"chợ, \\\"hạng 1\\\"\\nvà hạng 2\"}")
                .post("/api/v1/values").then().statusCode(201);
        for (int m = 1; m <= 11; m++) { // more rows than one page of the list, fewer than an export batch
            value(a, org, String.format("2020-%02d", m), String.valueOf(m * 1000), null).statusCode(201);
        }
        byte[] body = given().auth().oauth2(VIEWER).get("/api/v1/value-exports?organization=" + org).then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFindicator,organization,period,kind,value,growth,unit,source,note\r\n"), text);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(1 + 14, records.size(), "header and 14 values, the quoted line break inside one record");
        CSVRecord year = records.stream().filter(r -> r.get(0).equals(b) && r.get(2).equals("2021")).findFirst().orElseThrow();
        assertEquals("chợ, \"hạng 1\"\nvà hạng 2", year.get(8));
        assertEquals("231578000000000", records.stream().filter(r -> r.get(2).equals("2021-12")).findFirst().orElseThrow().get(4));
        assertEquals("3.4", records.stream().filter(r -> r.get(2).equals("2021-12")).findFirst().orElseThrow().get(5));

        given().auth().oauth2(VIEWER).get("/api/v1/value-exports?organization=" + org + "&periodType=QUARTER").then()
                .statusCode(200).body(containsString("2021Q4")).body(not(containsString("2021-12")));
        given().auth().oauth2(VIEWER).get("/api/v1/value-exports?from=2021Q5").then().statusCode(400)
                .contentType("application/problem+json");

        importCsv(text.replace("," + org + ",", "," + other + ",").getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("created", equalTo(14)).body("rejected", equalTo(0));
        JsonPath copy = get(VIEWER, "/api/v1/values?size=100&organization=" + other).extract().jsonPath();
        JsonPath original = get(VIEWER, "/api/v1/values?size=100&organization=" + org).extract().jsonPath();
        assertEquals(original.getList("items.value"), copy.getList("items.value"));
        assertEquals(original.getList("items.period"), copy.getList("items.period"));
        assertEquals(original.getList("items.note"), copy.getList("items.note"));
    }
}
