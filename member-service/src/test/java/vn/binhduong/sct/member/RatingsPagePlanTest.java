package vn.binhduong.sct.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.member.service.EvaluationService;

/**
 * A year's member ratings by cursor (issue 16): a page near the end of the list reads no more than the first page.
 * 3,000 cells of two rated members each, written straight into the tables; the page statement is the one
 * EvaluationService sends, measured by PostgreSQL's own count of the buffers it touched (EXPLAIN ANALYZE). Before the
 * fix, the cell codes were joined before the LIMIT and PostgreSQL merge-joined the page with party_cell's primary key
 * from its first cell up to the cursor's, so a deep page touched every cell before it.
 */
@QuarkusTest
class RatingsPagePlanTest {
    private static final int CELLS = 3_000;

    @Inject
    AgroalDataSource db;

    @Test
    void aDeepPageOfTheYearsRatingsTouchesNoMoreThanTheFirstPage() throws Exception {
        UUID org = UUID.randomUUID();
        UUID year = UUID.randomUUID();
        String code = Api.unique("PLAN");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            run(c, "INSERT INTO party_organization (id, code, name, superior_body, term_start_year, term_end_year)"
                    + " VALUES (?, ?, 'Đảng bộ thử kế hoạch', 'Đảng bộ khối', 2020, 2025)", org, code);
            run(c, "INSERT INTO party_cell (id, organization_id, code, name, established_on) SELECT gen_random_uuid(), ?, ? || '-' || g,"
                    + " 'Chi bộ ' || g, DATE '2015-01-01' FROM generate_series(1, " + CELLS + ") g", org, code);
            run(c, "INSERT INTO evaluation_year (id, organization_id, year, rule_set, evaluation_date, status)"
                    + " VALUES (?, ?, 2021, 'HD21_2019', DATE '2021-12-31', 'OPEN')", year, org);
            run(c, "INSERT INTO member (id, organization_id, cell_id, full_name, status, admission_date, confirmation_date, on_roll_since)"
                    + " SELECT gen_random_uuid(), ?, cell.id, 'Đảng viên ' || g, 'OFFICIAL', DATE '2000-01-01', DATE '2001-01-01',"
                    + " DATE '2021-01-01' FROM party_cell cell, generate_series(1, 2) g WHERE cell.organization_id = ?", org, org);
            run(c, "INSERT INTO member_rating (id, year_id, member_id, cell_id, rating) SELECT gen_random_uuid(), ?, m.id, m.cell_id, 'GOOD'"
                    + " FROM member m WHERE m.organization_id = ?", year, org);
            c.commit();
            c.setAutoCommit(true);
            run(c, "ANALYZE party_cell");
            run(c, "ANALYZE member_rating");

            // the key the last page starts after: the 51st rating from the end, in (cell, member) order
            Object[] deep = new Object[2];
            try (PreparedStatement ps = c.prepareStatement("SELECT cell_id, member_id FROM member_rating WHERE year_id = ?"
                    + " ORDER BY cell_id DESC, member_id DESC OFFSET 50 LIMIT 1")) {
                ps.setObject(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    deep[0] = rs.getObject(1);
                    deep[1] = rs.getObject(2);
                }
            }
            String first = jdbc(EvaluationService.memberRatingsPageSql(" WHERE r.year_id = ?1", 2));
            String after = jdbc(EvaluationService.memberRatingsPageSql(" WHERE r.year_id = ?1 AND (r.cell_id, r.member_id) > (?2, ?3)", 4));
            long firstBuffers = buffers(c, first, List.of(year, 51), 51);
            long deepBuffers = buffers(c, after, List.of(year, deep[0], deep[1], 51), 50);
            assertTrue(deepBuffers <= 2 * firstBuffers + 20, "a page near the end touched " + deepBuffers + " buffers, the first page "
                    + firstBuffers + " (over " + CELLS + " cells)");
        }
    }

    /** The statement with JDBC's placeholders instead of the numbered ones the service binds through Hibernate. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }

    /** Runs the statement under EXPLAIN ANALYZE: the shared buffers it touched (hit or read), and the rows it gave. */
    private static long buffers(Connection c, String sql, List<Object> params, int expectedRows) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                assertEquals(expectedRows, number(plan, "Actual Rows"), plan);
                return number(plan, "Shared Hit Blocks") + number(plan, "Shared Read Blocks");
            }
        }
    }

    /** The first (top node's) value of a numeric field of a JSON plan. */
    private static long number(String plan, String field) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\":\\s*(\\d+)").matcher(plan);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + plan);
        }
        return Long.parseLong(m.group(1));
    }

    private static void run(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }
}
