package vn.binhduong.sct.covid;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Small helpers for the tests of this module; every test uses codes of its own (the database is shared). */
final class Api {
    static final String STAFF = TestTokens.as(Roles.DEPARTMENT_STAFF);

    static ValidatableResponse post(String path, String json) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(json).post(path).then();
    }

    static ValidatableResponse get(String path) {
        return given().auth().oauth2(STAFF).get(path).then();
    }

    static void establishment(String code, String type) {
        post("/api/v1/establishments", "{\"code\":\"" + code + "\",\"name\":\"Cơ sở " + code + "\",\"type\":\"" + type + "\"}")
                .statusCode(201);
    }

    static void campaign(String code) {
        post("/api/v1/testing-campaigns", "{\"code\":\"" + code + "\",\"name\":\"Test\",\"planReference\":\"Kế hoạch số 2050/KH-SCT\",\"startDate\":\"2021-09-14\",\"intervalDays\":3}")
                .statusCode(201);
    }

    private Api() {
    }
}
