package vn.binhduong.sct.member;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.binhduong.sct.member.Api.admin;
import static vn.binhduong.sct.member.Api.get;
import static vn.binhduong.sct.member.Api.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Lists over members read by cursor (issue 16): every member once, in order, the total only when asked for. */
@QuarkusTest
class KeysetPaginationTest {
    @Test
    void theMemberListPagesByCursorInNameOrderWithEveryMemberOnceAndTheTotalOnlyWhenAsked() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        // two members share a name: the id breaks the tie, neither is skipped nor repeated
        List<String> names = List.of("Âu Văn Năm", "An Thị Một", "Bùi Văn Ba", "Bùi Văn Ba", "Cao Thị Bốn", "Đỗ Văn Hai", "Đinh Thị Sáu");
        for (int i = 0; i < names.size(); i++) {
            Api.official(org, i % 2 == 0 ? a : b, names.get(i), "2010-01-05", "2011-01-10");
        }
        String list = "/api/v1/organizations/" + org + "/members";
        List<String> byOffset = get(admin(), list + "?size=100").statusCode(200).extract().jsonPath().getList("items.id");
        List<String> offsetNames = get(admin(), list + "?size=100").extract().jsonPath().getList("items.fullName");

        List<String> byCursor = new ArrayList<>();
        List<String> cursorNames = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            JsonPath page = get(admin(), list + "?size=3&after=" + after).statusCode(200).body("size", equalTo(3))
                    .body("page", nullValue()).body("totalPages", nullValue()).body("total", nullValue()).extract().jsonPath();
            byCursor.addAll(page.getList("items.id"));
            cursorNames.addAll(page.getList("items.fullName"));
            after = page.getString("next");
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(byOffset, byCursor, "the cursor walks the same order as the offset pages, every member once");
        assertEquals(offsetNames, cursorNames);
        assertEquals(7, byCursor.stream().distinct().count());

        get(admin(), list + "?size=3&after=&total=true").statusCode(200).body("total", equalTo(7)).body("items", hasSize(3));
        // offset mode keeps its page, total and pages, and hands a cursor to continue from
        String next = get(admin(), list + "?page=1&size=3").statusCode(200).body("page", equalTo(1)).body("total", equalTo(7))
                .body("totalPages", equalTo(3)).body("next", notNullValue()).extract().path("next");
        get(admin(), list + "?size=3&after=" + next).statusCode(200).body("items.id", equalTo(byOffset.subList(6, 7))).body("next", nullValue());
        get(admin(), list + "?page=2&size=3").statusCode(200).body("next", nullValue());

        // filters and the cell secretary's own cell hold in cursor mode
        get(admin(), list + "?cell=" + b + "&after=&size=10&total=true").statusCode(200).body("total", equalTo(3))
                .body("items.cellCode", equalTo(List.of(b, b, b)));
        get(TestTokens.cellSecretary(a), list + "?after=&size=10").statusCode(200).body("items", hasSize(4))
                .body("items.cellCode", equalTo(List.of(a, a, a, a)));
        get(admin(), list + "?status=OFFICIAL&name=bùi&after=&size=1").statusCode(200).body("items[0].fullName", equalTo("Bùi Văn Ba"))
                .body("next", notNullValue());

        for (String bad : List.of("?after=garbage", "?after=MQ", "?after=" + next + "&page=1")) {
            get(admin(), list + bad).statusCode(400).contentType("application/problem+json");
        }
    }

    /**
     * A page by cursor is read straight from its rows, a page by offset through the entities: for every caller and every
     * kind of member the two answer the same items, field by field (personal data served or withheld, the earliest
     * confirmation of a probationary member, the cell codes).
     */
    @Test
    void aCursorPageAnswersTheSameItemsAsTheOffsetPageFieldByField() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        Api.official(org, a, "Lê Văn Chính", "2010-01-05", "2011-01-10");
        Api.admit(org, b, "Phạm Thị Dự Bị", "2021-09-02");
        Api.official(org, b, "Trần Văn Hai", "2015-03-01", "2016-03-02");
        String list = "/api/v1/organizations/" + org + "/members";
        for (String token : List.of(admin(), TestTokens.as(Roles.INTEGRATION), TestTokens.cellSecretary(b))) {
            List<Map<String, Object>> byOffset = get(token, list + "?size=10").statusCode(200).extract().jsonPath().getList("items");
            List<Map<String, Object>> byCursor = get(token, list + "?size=10&after=").statusCode(200).extract().jsonPath().getList("items");
            assertEquals(byOffset, byCursor);
        }
        List<Map<String, Object>> items = get(admin(), list + "?size=10&after=").extract().jsonPath().getList("items");
        assertEquals(3, items.size());
        Map<String, Object> probationary = items.get(1);
        assertEquals(List.of("PROBATIONARY", "2022-09-02", b, "074188001234", false),
                List.of(probationary.get("status"), probationary.get("earliestConfirmation"), probationary.get("cellCode"),
                        probationary.get("nationalId"), probationary.get("personalDataHidden")));
        Map<String, Object> withheld = get(TestTokens.as(Roles.INTEGRATION), list + "?size=10&after=").extract().jsonPath().getMap("items[0]");
        assertEquals(true, withheld.get("personalDataHidden"));
        assertEquals(null, withheld.get("nationalId"));
        assertEquals(a, withheld.get("cellCode"));
    }

    /**
     * The list by cursor keeps organisation and cell codes in memory (issue 16): a cell registered after its
     * organisation's list was read is found, and an unknown code or another organisation's cell is refused as before.
     */
    @Test
    void theCursorListFindsACellRegisteredAfterItsOrganisationWasListedAndRefusesUnknownCodes() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        Api.official(org, a, "Mã Một", "2010-01-05", "2011-01-10");
        String list = "/api/v1/organizations/" + org + "/members";
        get(admin(), list + "?after=&size=10").statusCode(200).body("items.cellCode", equalTo(List.of(a)));
        get(admin(), list + "?cell=" + a + "&after=&size=10").statusCode(200).body("items", hasSize(1));

        String later = Api.unique("L");
        post(admin(), "/api/v1/organizations/" + org + "/cells", Map.of("code", later, "name", "Chi bộ " + later)).statusCode(201);
        get(admin(), list + "?cell=" + later + "&after=&size=10").statusCode(200).body("items", hasSize(0));
        Api.official(org, later, "Mã Hai", "2010-01-05", "2011-01-10");
        get(admin(), list + "?cell=" + later + "&after=&size=10").statusCode(200).body("items.fullName", equalTo(List.of("Mã Hai")))
                .body("items.cellCode", equalTo(List.of(later)));
        get(admin(), list + "?after=&size=10").statusCode(200).body("items.cellCode", equalTo(List.of(later, a))); // Mã Hai, Mã Một

        String other = Api.unique("O");
        Api.organization(other);
        get(admin(), list + "?cell=" + other + "&after=").statusCode(422).contentType("application/problem+json");
        get(admin(), list + "?cell=NO-SUCH-CELL&after=").statusCode(404).contentType("application/problem+json");
        get(admin(), "/api/v1/organizations/NO-SUCH-ORG/members?after=").statusCode(404).contentType("application/problem+json");
        get(TestTokens.cellSecretary(a), list + "?cell=" + later + "&after=").statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aYearsRatingsPageByCursorFilteredByCellAndRating() {
        String a = Api.unique("A");
        String b = Api.unique("B");
        String org = Api.organization(a, b);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.official(org, i < 3 ? a : b, "Đảng viên " + i, "2010-01-05", "2011-01-10"));
        }
        String base = "/api/v1/organizations/" + org + "/evaluations";
        post(admin(), base, Map.of("year", 2021, "evaluationDate", "2021-12-20")).statusCode(201);
        post(admin(), base + "/2021/member-ratings", Map.of("ratings", Api.ratings(ids, 1))).statusCode(200);
        String ratings = base + "/2021/member-ratings";
        // without after or size: the whole list as before
        List<String> whole = get(admin(), ratings).statusCode(200).body("size()", equalTo(5)).extract().jsonPath().getList("memberId");
        List<String> paged = new ArrayList<>();
        String after = "";
        do {
            JsonPath page = get(admin(), ratings + "?size=2&after=" + after).statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.memberId"));
            after = page.getString("next");
        } while (after != null);
        assertEquals(whole, paged);
        get(admin(), ratings + "?size=10&cell=" + b + "&total=true").statusCode(200).body("total", equalTo(2))
                .body("items.cellCode", equalTo(List.of(b, b)));
        get(admin(), ratings + "?size=10&rating=EXCELLENT").statusCode(200).body("items.memberId", equalTo(List.of(ids.get(0))));
        get(TestTokens.cellSecretary(b), ratings + "?size=10").statusCode(200).body("items", hasSize(2));
        get(admin(), ratings + "?after=xyz").statusCode(400).contentType("application/problem+json");
        get(admin(), ratings + "?size=0").statusCode(400);
    }

    @Test
    void trainingsAndCandidatesPageByCursorToo() {
        String a = Api.unique("A");
        String org = Api.organization(a);
        String base = "/api/v1/organizations/" + org;
        List<String> programmes = List.of("INTERMEDIATE_POLITICAL_THEORY", "NEW_MEMBER_COURSE", "PARTY_WORK_COURSE");
        for (int i = 0; i < 5; i++) {
            String m = Api.official(org, a, "Học Viên " + i, "2010-01-05", "2011-01-10");
            post(admin(), base + "/trainings", Map.of("memberId", m, "programme", programmes.get(i % 3), "year", 2020 + i % 2)).statusCode(201);
            post(admin(), base + "/candidates", Map.of("fullName", "Ứng Viên " + i, "cellCode", a, "awarenessClassDate", "2021-10-1" + (i % 2)))
                    .statusCode(201);
        }
        for (String list : List.of("/trainings", "/candidates")) {
            List<String> byOffset = get(admin(), base + list + "?size=100").statusCode(200).body("total", equalTo(5))
                    .extract().jsonPath().getList("items.id");
            List<String> byCursor = new ArrayList<>();
            String after = "";
            do {
                JsonPath page = get(admin(), base + list + "?size=2&after=" + after).statusCode(200).body("total", nullValue())
                        .extract().jsonPath();
                byCursor.addAll(page.getList("items.id"));
                after = page.getString("next");
            } while (after != null);
            assertEquals(byOffset, byCursor, list + ": the cursor walks the offset order, every item once");
            get(admin(), base + list + "?after=&total=true").statusCode(200).body("total", equalTo(5));
            get(admin(), base + list + "?after=bad").statusCode(400).contentType("application/problem+json");
        }
    }
}
