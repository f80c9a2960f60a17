package vn.binhduong.sct.testing;

import static io.restassured.RestAssured.given;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.binhduong.sct.platform.security.Roles;

/**
 * Walks a service's role matrix: the reviewable table of who may call which operation, kept as
 * {@code src/test/resources/role-matrix.csv}:
 *
 * <pre>
 * operationId,admin,party-committee,inspection-committee,cell-secretary,department-staff,viewer,integration
 * listMembers,Y,Y,Y,OWN,N,N,Y
 * !rebuildProjections,Y,N,N,N,N,N,N
 * </pre>
 *
 * {@code Y}: the role may call it; {@code N}: it gets 403; {@code OWN}: only for the caller's own cell or records (the
 * finer rule is the service's own test; here it must not be refused outright by role). An operation id starting with
 * {@code !} is only called with the roles that must be refused: an allowed call would change shared state (a rebuild, a
 * key rotation). {@code #} starts a comment line.
 *
 * <p>The check fails when an operation of the OpenAPI document has no operationId, shares one with another, is missing
 * from the table (or the table names one that does not exist), when a role's answer disagrees with its cell, when a
 * secured operation answers anything but 401 without a token, or when any call answers 5xx.
 * Use from a {@code @QuarkusTest}: {@code RoleMatrixCheck.verify("role-matrix.csv");}
 */
public final class RoleMatrixCheck {
    /** The columns after the operation id, in this order. */
    public static final List<String> ROLES = List.of(Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE,
            Roles.CELL_SECRETARY, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION);

    private RoleMatrixCheck() {
    }

    record Row(String operationId, boolean callAllowed, Map<String, String> cells) {
    }

    public static void verify(String csvResource) {
        Map<String, Row> table = load(csvResource);
        OpenApiOperations api = OpenApiOperations.ofRunningService();
        List<String> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int calls = 0;
        for (OpenApiOperations.Operation op : api.operations()) {
            if (op.operationId() == null) {
                failures.add(op + ": no operationId");
                continue;
            }
            if (!seen.add(op.operationId())) {
                failures.add(op + ": operationId used twice");
                continue;
            }
            Row row = table.get(op.operationId());
            if (row == null) {
                failures.add(op + ": not in " + csvResource);
                continue;
            }
            if (op.secured()) {
                int status = call(op, api, null).statusCode();
                calls++;
                if (status != 401) {
                    failures.add(op + " without a token: " + status + " (expected 401)");
                }
            }
            for (String role : ROLES) {
                String cell = row.cells().get(role);
                boolean allowed = !cell.equals("N");
                if (allowed && !row.callAllowed()) {
                    continue;
                }
                Response r = call(op, api, role);
                calls++;
                int status = r.statusCode();
                if (status >= 500) {
                    failures.add(op + " as " + role + ": " + status + " " + r.asString());
                } else if (!allowed && status != 403) {
                    failures.add(op + " as " + role + ": " + status + " (the matrix says N: expected 403)");
                } else if (allowed && (status == 403 || status == 401)) {
                    failures.add(op + " as " + role + ": " + status + " (the matrix says " + cell + ")");
                }
            }
        }
        for (String id : table.keySet()) {
            if (!seen.contains(id)) {
                failures.add(csvResource + " names " + id + ", which the OpenAPI document does not have");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " role-matrix failures (" + calls + " calls):\n  "
                    + String.join("\n  ", failures));
        }
        if (calls == 0) {
            throw new AssertionError("the role matrix made no call");
        }
    }

    private static Response call(OpenApiOperations.Operation op, OpenApiOperations api, String role) {
        RequestSpecification req = given().redirects().follow(false);
        if (role != null) {
            req = req.auth().oauth2(role.equals(Roles.CELL_SECRETARY) ? TestTokens.cellSecretary("CB1") : TestTokens.as(role));
        }
        for (OpenApiOperations.Param p : op.params()) {
            if (p.in().equals("query") && p.required()) {
                req = req.queryParam(p.name(), api.sample(p));
            }
        }
        if (op.bodyType() != null) {
            req = req.contentType(op.bodyType()).body(op.bodyType().contains("json") ? "{}" : "");
        }
        String path = op.pathWith(api::sample);
        return req.request(op.method().toUpperCase(java.util.Locale.ROOT), path);
    }

    static Map<String, Row> load(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new AssertionError(resource + " is not on the test class path");
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = null;
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\s*,\\s*");
                if (header == null) {
                    header = line;
                    List<String> expected = new ArrayList<>(List.of("operationId"));
                    expected.addAll(ROLES);
                    if (!List.of(cells).equals(expected)) {
                        throw new AssertionError(resource + ": the header must be " + String.join(",", expected));
                    }
                    continue;
                }
                if (cells.length != ROLES.size() + 1) {
                    throw new AssertionError(resource + " line " + n + ": " + (ROLES.size() + 1) + " cells expected");
                }
                boolean callAllowed = !cells[0].startsWith("!");
                String id = callAllowed ? cells[0] : cells[0].substring(1);
                Map<String, String> byRole = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    String c = cells[i + 1];
                    if (!Set.of("Y", "N", "OWN").contains(c)) {
                        throw new AssertionError(resource + " line " + n + ": '" + c + "' is not Y, N or OWN");
                    }
                    byRole.put(ROLES.get(i), c);
                }
                if (rows.put(id, new Row(id, callAllowed, byRole)) != null) {
                    throw new AssertionError(resource + " line " + n + ": " + id + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
