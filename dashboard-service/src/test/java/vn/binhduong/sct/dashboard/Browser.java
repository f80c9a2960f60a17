package vn.binhduong.sct.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser's cookie jar over RestAssured, redirects not followed: what a page sets, the next request sends. */
final class Browser {
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    final Map<String, String> cookies = new HashMap<>();

    RequestSpecification req() {
        return given().redirects().follow(false).cookies(cookies);
    }

    Response get(String path) {
        return keep(req().get(path));
    }

    Response post(String path, String... fields) {
        RequestSpecification r = req().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i < fields.length; i += 2) {
            r = r.formParam(fields[i], fields[i + 1]);
        }
        return keep(r.post(path));
    }

    Response keep(Response r) {
        r.getDetailedCookies().forEach(c -> {
            if (c.getValue() == null || c.getValue().isEmpty() || c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return r;
    }

    /** The CSRF token of a page's form. */
    static String csrf(Response page) {
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page:\n" + page.asString());
        }
        return m.group(1);
    }

    /** Logs in through the form, as a person would. */
    static Browser loggedIn(String user, String password) {
        Browser b = new Browser();
        Response page = b.get("/login");
        Response r = b.post("/login", "csrf-token", csrf(page), "username", user, "password", password, "next", "/o/DB-SCT/2021");
        assertEquals(303, r.statusCode(), r.asString());
        return b;
    }
}
