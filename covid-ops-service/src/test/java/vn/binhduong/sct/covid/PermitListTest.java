package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Keyset pages of permits, read by the party committee as by staff. */
@QuarkusTest
class PermitListTest {
    @Test
    void keysetPagesWalkEveryPermitOnceInIssueOrder() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(Api.post("/api/v1/permits", "{\"kind\":\"DELIVERY_WORKER\",\"holderName\":\"Người " + i
                    + "\",\"company\":\"Công ty Trang Khoá\",\"validFrom\":\"2021-09-15\",\"validUntil\":\"2099-12-31\"}")
                    .statusCode(201).extract().path("id"));
        }
        String committee = TestTokens.as(Roles.PARTY_COMMITTEE);
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var req = given().auth().oauth2(committee).queryParam("company", "Công ty Trang Khoá").queryParam("size", 2);
            if (after != null) {
                req = req.queryParam("after", after);
            }
            JsonPath page = req.get("/api/v1/permits").then().statusCode(200).body("total", nullValue()).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertEquals(3, pages, "2 + 2 + 1");
        assertEquals(issued, seen, "every permit once, in issue order");
        assertEquals(5, new HashSet<>(seen).size());
        given().auth().oauth2(committee).queryParam("company", "Công ty Trang Khoá").queryParam("total", true)
                .get("/api/v1/permits").then().statusCode(200).body("total", equalTo(5));
        given().auth().oauth2(committee).queryParam("after", "zz").get("/api/v1/permits").then().statusCode(400);
    }
}
