package vn.binhduong.sct.inspection;

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

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import vn.binhduong.sct.inspection.api.ComplianceResource;
import vn.binhduong.sct.inspection.api.InspectionBodyResource;
import vn.binhduong.sct.inspection.api.PartyInspectionResource;
import vn.binhduong.sct.inspection.api.PlannedWorkResource;
import vn.binhduong.sct.inspection.api.StateInspectionResource;

/**
 * Holds src/test/resources/role-matrix.csv against the code: every resource method of this service has a row, every
 * row a method, and each method's @RolesAllowed names exactly the roles the row allows. {@link RoleMatrixTest} calls
 * every operation over HTTP with every role (the platform's own operations, {@code outboxStatus} and {@code inboxLag}, are only walked there).
 */
class RoleMatrixWalkTest {
    static final List<Class<?>> RESOURCES = List.of(InspectionBodyResource.class, PartyInspectionResource.class,
            StateInspectionResource.class, ComplianceResource.class, PlannedWorkResource.class);
    static final Set<String> PLATFORM_OPERATIONS = Set.of("outboxStatus", "inboxLag", "listEvents");

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
    void theAnnotationsSayWhatTheMatrixSays() throws IOException {
        Map<String, Map<String, String>> matrix = matrix();
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            for (Map.Entry<String, String> cell : matrix.get(op.id()).entrySet()) {
                boolean allowed = !cell.getValue().equals("N");
                if (allowed != op.rolesAllowed().contains(cell.getKey())) {
                    wrong.add(op.id() + " " + cell.getKey() + ": matrix " + cell.getValue() + ", @RolesAllowed " + op.rolesAllowed());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
