package vn.binhduong.sct.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhduong.sct.member.Api.admin;
import static vn.binhduong.sct.member.Api.get;
import static vn.binhduong.sct.member.Api.post;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** The member list as CSV (issue 15): RFC 4180, UTF-8 with one BOM, streamed in chunks, personal columns by role. */
@QuarkusTest
class MemberCsvExportTest {
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private static byte[] export(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).contentType("text/csv").extract().asByteArray();
    }

    private static List<CSVRecord> parse(byte[] body) throws IOException {
        assertArrayEquals(BOM, Arrays.copyOf(body, 3), "the file starts with the UTF-8 byte-order mark");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertFalse(text.contains("\uFEFF"), "one byte-order mark, at the start only");
        assertTrue(text.endsWith("\r\n"), "RFC 4180 records end with CRLF");
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    @Test
    void exportsEveryMemberInListOrderQuotedPerRfc4180WithPersonalColumnsOnlyForRolesThatSeeThem() throws IOException {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        // a name with a comma and a quote, a residence with a line break: quoted, doubled, kept
        post(admin(), "/api/v1/organizations/" + org + "/members", Map.of("identity", Map.of("fullName", "Nguyễn \"Út\", Văn",
                "gender", "MALE", "ethnicity", "Kinh", "religious", true, "dateOfBirth", "1980-01-02", "nationalId", "074180000001",
                "residence", "Tổ 1,\r\nKhu phố 2"), "cellCode", a, "status", "OFFICIAL", "admissionDate", "2010-01-05",
                "confirmationDate", "2011-01-10", "onRollSince", "2021-01-01")).statusCode(201);
        for (String name : List.of("Bạch Thị Hai", "Cao Văn Ba", "Đặng Thị Bốn")) {
            Api.official(org, b, name, "2010-01-05", "2011-01-10");
        }
        String path = "/api/v1/organizations/" + org + "/members.csv";
        List<String> listOrder = get(admin(), "/api/v1/organizations/" + org + "/members?size=100").extract().jsonPath().getList("items.id");

        List<CSVRecord> all = parse(export(admin(), path));
        assertEquals(List.of("id", "organization", "cellCode", "fullName", "gender", "status", "temporary", "admissionDate",
                "confirmationDate", "partyCardNumber", "departmentPosition", "onRollSince", "leftOn", "ethnicity", "religious",
                "dateOfBirth", "nationalId", "residence"), all.get(0).toList());
        List<CSVRecord> rows = all.subList(1, all.size());
        assertEquals(listOrder, rows.stream().map(r -> r.get(0)).toList(), "every member once, in the list's order, across chunks");
        CSVRecord quoted = rows.stream().filter(r -> r.get(3).startsWith("Nguyễn")).findFirst().orElseThrow();
        assertEquals("Nguyễn \"Út\", Văn", quoted.get(3));
        assertEquals("Tổ 1,\r\nKhu phố 2", quoted.get(17));
        assertEquals("074180000001", quoted.get(16));
        assertEquals("true", quoted.get(14));

        byte[] inspection = export(TestTokens.as(Roles.INSPECTION_COMMITTEE), path);
        List<CSVRecord> noPersonal = parse(inspection);
        assertEquals(13, noPersonal.get(0).size(), "no personal columns for the inspection committee");
        assertEquals(5, noPersonal.size());
        assertFalse(new String(inspection, StandardCharsets.UTF_8).contains("074180000001"));

        List<CSVRecord> ownCell = parse(export(TestTokens.cellSecretary(b), path));
        assertEquals(4, ownCell.size(), "a cell secretary exports their own cell");
        assertTrue(ownCell.subList(1, 4).stream().allMatch(r -> r.get(2).equals(b) && r.get(16).equals("074188001234")));

        List<CSVRecord> filtered = parse(export(admin(), path + "?cell=" + a));
        assertEquals(2, filtered.size());

        // the personal data exported is in the access log, once per member and export (the whole list and the cell's);
        // the inspection committee's export carried none and wrote none
        get(admin(), "/api/v1/personal-data-reads?member=" + quoted.get(0)).statusCode(200)
                .body("items.findAll { it.operation == 'exportMembersCsv' }.size()", equalTo(2))
                .body("items.findAll { it.operation == 'exportMembersCsv' }.subject", everyItem(
                        equalTo("test-admin")));

        for (String role : List.of(Roles.VIEWER, Roles.DEPARTMENT_STAFF)) {
            given().auth().oauth2(TestTokens.as(role)).get(path).then().statusCode(403);
        }
        given().auth().oauth2(admin()).get(path + "?status=NOPE").then().statusCode(400);
        given().auth().oauth2(admin()).get("/api/v1/organizations/NO-SUCH-ORG/members.csv").then().statusCode(404);
    }
}
