package vn.binhduong.sct.member;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/** Small helpers over the public API for tests; every test builds its own organisation with unique codes. */
final class Api {
    private Api() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static ValidatableResponse post(String token, String path, Object body) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }

    static String admin() {
        return TestTokens.as(Roles.ADMIN);
    }

    /** An organisation with the given cells; returns its code. */
    static String organization(String... cells) {
        String org = unique("T");
        post(admin(), "/api/v1/organizations", Map.of("code", org, "name", "Đảng bộ thử " + org, "superiorBody", "Đảng bộ khối",
                "termStartYear", 2020, "termEndYear", 2025)).statusCode(201);
        for (String cell : cells) {
            post(admin(), "/api/v1/organizations/" + org + "/cells", Map.of("code", cell, "name", "Chi bộ " + cell)).statusCode(201);
        }
        return org;
    }

    static Map<String, Object> identity(String name) {
        return Map.of("fullName", name, "gender", "FEMALE", "ethnicity", "Kinh", "religious", false, "dateOfBirth", "1988-03-04",
                "nationalId", "074188001234", "residence", "Phường Phú Cường, Thủ Dầu Một");
    }

    static String official(String org, String cell, String name, String admission, String confirmation) {
        return post(admin(), "/api/v1/organizations/" + org + "/members", Map.of("identity", identity(name), "cellCode", cell,
                "status", "OFFICIAL", "admissionDate", admission, "confirmationDate", confirmation, "onRollSince", "2021-01-01"))
                .statusCode(201).extract().path("id");
    }

    static String admit(String org, String cell, String name, String admission) {
        return post(admin(), "/api/v1/organizations/" + org + "/members/admissions",
                Map.of("identity", identity(name), "cellCode", cell, "admissionDate", admission)).statusCode(201).extract().path("id");
    }

    static List<Map<String, Object>> ratings(List<String> members, int excellent) {
        return java.util.stream.IntStream.range(0, members.size())
                .mapToObj(i -> Map.<String, Object>of("memberId", members.get(i), "rating", i < excellent ? "EXCELLENT" : "GOOD")).toList();
    }
}
