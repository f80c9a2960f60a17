package vn.binhduong.sct.indicator;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Small helpers: requests as department staff (who record figures) and as the party committee (who approve). */
final class Api {
    static final String STAFF = TestTokens.as(Roles.DEPARTMENT_STAFF);
    static final String COMMITTEE = TestTokens.as(Roles.PARTY_COMMITTEE);
    static final String VIEWER = TestTokens.as(Roles.VIEWER);

    private Api() {
    }

    private static final java.util.concurrent.atomic.AtomicInteger ORGS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A fresh organisation for one test: writes are accepted only for configured organisations
     * ({@code %test.sct.organizations} lists TST-001..TST-080), so tests take the next one instead of inventing a code.
     */
    static String org() {
        int n = ORGS.incrementAndGet();
        if (n > 80) {
            throw new IllegalStateException("more than 80 test organisations: add codes to %test.sct.organizations");
        }
        return String.format("TST-%03d", n);
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static ValidatableResponse post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }

    static void indicator(String code, String unit, String scale, String formula) {
        post(STAFF, "/api/v1/indicators", "{\"code\":\"" + code + "\",\"name\":\"Chỉ tiêu " + code + "\",\"unit\":\""
                + unit + "\",\"scale\":\"" + scale + "\"" + (formula == null ? "" : ",\"formula\":\"" + formula + "\"")
                + "}").statusCode(201);
    }

    static ValidatableResponse value(String code, String org, String period, String valueJson, String growthJson) {
        return post(STAFF, "/api/v1/values", "{\"indicator\":\"" + code + "\",\"organization\":\"" + org
                + "\",\"period\":\"" + period + "\",\"kind\":\"ESTIMATE\"" + (valueJson == null ? "" : ",\"value\":" + valueJson)
                + (growthJson == null ? "" : ",\"growth\":" + growthJson) + "}");
    }
}
