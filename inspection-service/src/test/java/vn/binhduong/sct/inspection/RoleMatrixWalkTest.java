package vn.binhduong.sct.inspection;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.inspection.api.ComplianceResource;
import vn.binhduong.sct.inspection.api.InspectionBodyResource;
import vn.binhduong.sct.inspection.api.PartyInspectionResource;
import vn.binhduong.sct.inspection.api.PlannedWorkResource;
import vn.binhduong.sct.inspection.api.StateInspectionResource;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * Walks src/test/resources/role-matrix.csv against the running service: every operation of this service's resources
 * with a token of every role; N must answer 403, Y anything but 401/403. Every resource method must have a row and
 * every row a method (the platform's own operations, outbox {@code status} and inbox {@code lag}, are the
 * platform's to enforce and are listed but not walked here).
 */
@QuarkusTest
class RoleMatrixWalkTest {
    static final List<Class<?>> RESOURCES = List.of(InspectionBodyResource.class, PartyInspectionResource.class,
            StateInspectionResource.class, ComplianceResource.class, PlannedWorkResource.class);
    static final Set<String> PLATFORM_OPERATIONS = Set.of("status", "lag");

    record Operation(String id, String httpMethod, String path, Set<String> rolesAllowed) {
    }

    static Map<String, Map<String, String>> matrix() throws IOException {
        try (InputStream in = RoleMatrixWalkTest.class.getResourceAsStream("/role-matrix.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            List<String> header = Arrays.asList(lines.get(0).split(","));
            assertEquals(List.of("operationId", "admin", "party-committee", "inspection-committee", "cell-secretary",
                    "department-staff", "viewer", "integration"), header);
            Map<String, Map<String, String>> m = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                assertTrue(m.put(cells[0], row) == null, "operation listed twice: " + cells[0]);
            }
            return m;
        }
    }

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        for (Class<?> c : RESOURCES) {
            String base = c.getAnnotation(Path.class).value();
            for (Method m : c.getDeclaredMethods()) {
                String http = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST" : null;
                if (http == null) {
                    continue;
                }
                Path p = m.getAnnotation(Path.class);
                String path = base + (p == null ? "" : "/" + p.value());
                RolesAllowed r = m.getAnnotation(RolesAllowed.class);
                ops.add(new Operation(m.getName(), http, path.replaceAll("/+", "/"),
                        r == null ? Set.of() : Set.of(r.value())));
            }
        }
        return ops;
    }

    static String token(String role) {
        return role.equals(Roles.CELL_SECRETARY) ? TestTokens.cellSecretary("CB1") : TestTokens.as(role);
    }

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() throws IOException {
        Set<String> rows = new TreeSet<>(matrix().keySet());
        rows.removeAll(PLATFORM_OPERATIONS);
        Set<String> methods = new TreeSet<>();
        for (Operation op : operations()) {
            assertTrue(methods.add(op.id()), "operation name used twice: " + op.id());
        }
        assertEquals(methods, rows);
    }

    @Test
    void everyRoleGetsWhatTheMatrixSays() throws IOException {
        Map<String, Map<String, String>> matrix = matrix();
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            String path = op.path().replaceAll("\\{id}", UUID.randomUUID().toString()).replaceAll("\\{code}", "NO-SUCH");
            for (Map.Entry<String, String> cell : matrix.get(op.id()).entrySet()) {
                String role = cell.getKey();
                boolean allowed = !cell.getValue().equals("N");
                if (allowed != op.rolesAllowed().contains(role)) {
                    wrong.add(op.id() + " " + role + ": matrix " + cell.getValue() + ", @RolesAllowed " + op.rolesAllowed());
                }
                var request = given().auth().oauth2(token(role)).queryParam("year", 2099);
                int status = (op.httpMethod().equals("GET") ? request.get(path)
                        : request.contentType(ContentType.JSON).body("{}").post(path)).then().extract().statusCode();
                if (allowed ? status == 403 || status == 401 : status != 403) {
                    wrong.add(op.id() + " " + op.httpMethod() + " " + path + " as " + role + ": " + status
                            + " but the matrix says " + cell.getValue());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
