package vn.binhduong.sct.member.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import vn.binhduong.sct.member.api.MemberApi.MemberView;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.MemberStatus;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * The member list by cursor (issue 16), read the cheap way: one statement on one pooled connection, no entities. The
 * page is a range scan of the index on (organisation | cell | organisation and status, full name, id) from the cursor,
 * {@code LIMIT size + 1}; organisation and cell codes come from {@link Codes}. When the caller is served the personal
 * data, the same statement writes the answer's row of the personal-data access log (a data-modifying {@code WITH}):
 * the read and its log row are one autocommit transaction, committed before the driver hands the rows over (it reads
 * up to ReadyForQuery, after the commit), so no page is answered without its committed log row, and a log row that
 * cannot be written fails the request.
 */
@ApplicationScoped
public class MemberPages {
    static final String COLUMNS = "id, organization_id, cell_id, full_name, gender, ethnicity, religious, date_of_birth, national_id,"
            + " residence, status, temporary, admission_date, confirmation_date, party_card_number, department_position, on_roll_since,"
            + " left_on, temporarily_away_until, suspended_from, suspended_until, version";
    /** The log row of the members served: the first {@code size} rows of the page, in list order (PersonalDataLog). */
    static final String LOGGED = "logged AS (INSERT INTO personal_data_read (subject, roles, member_ids, operation, endpoint)"
            + " SELECT ?, ?, array_agg(id ORDER BY full_name, id), ?, ? FROM (SELECT id, full_name FROM page ORDER BY full_name, id"
            + " LIMIT ?) served HAVING count(*) > 0)";

    private final AgroalDataSource db;
    private final Codes codes;
    private final Access access;

    public MemberPages(AgroalDataSource db, Codes codes, Access access) {
        this.db = db;
        this.codes = codes;
        this.access = access;
    }

    /** One page: the views, the total when asked for, and the cursor of the next page (null on the last). */
    public record Page(List<MemberView> items, Long total, String next) {
    }

    public Page keyset(String orgCode, String cellCode, MemberStatus status, String name, String after, int size, boolean total,
            String operation, String endpoint) {
        Codes.Unit org = codes.organization(orgCode);
        String own = access.restrictedToCell();
        if (own != null) {
            if (cellCode != null && !cellCode.equals(own)) {
                throw ProblemException.forbidden("a cell secretary lists the members of their own cell (" + own + ") only");
            }
            cellCode = own;
        }
        // Who is served the personal data (Access.seesPersonalData): admin and party committee, and a cell secretary,
        // whose list holds their own cell's members only (just above); nobody else. The same for every row of the page.
        boolean personal = access.organizationWide() || own != null;
        StringBuilder where = new StringBuilder("organization_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(org.id());
        if (cellCode != null) {
            Codes.Unit cell = codes.cell(cellCode);
            if (!cell.organizationId().equals(org.id())) {
                throw ProblemException.ruleViolated("cell-of-other-organization", "cell " + cellCode + " does not belong to " + orgCode,
                        Map.of("cell", cellCode, "organization", orgCode));
            }
            where.append(" AND cell_id = ?");
            params.add(cell.id());
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.name());
        }
        if (name != null && !name.isBlank()) {
            where.append(" AND lower(full_name) LIKE ?");
            params.add("%" + name.toLowerCase() + "%");
        }
        String countWhere = where.toString();
        List<Object> countParams = List.copyOf(params);
        if (after != null && !after.isEmpty()) {
            Cursor c = Cursor.parse(after, 2);
            String afterName;
            try {
                afterName = new String(Base64.getUrlDecoder().decode(c.string(0)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("after", "not a cursor returned by this list");
            }
            where.append(" AND (full_name, id) > (?, ?)");
            params.add(afterName);
            params.add(c.uuid(1));
        }
        params.add(size + 1);
        String page = "page AS (SELECT " + COLUMNS + " FROM member WHERE " + where + " ORDER BY full_name, id LIMIT ?)";
        String sql;
        if (personal) {
            sql = "WITH " + page + ", " + LOGGED + " SELECT " + COLUMNS + " FROM page ORDER BY full_name, id";
            params.add(PersonalDataLog.subject(access));
            params.add(PersonalDataLog.roles(access));
            params.add(operation);
            params.add(endpoint);
            params.add(size);
        } else {
            sql = "WITH " + page + " SELECT " + COLUMNS + " FROM page ORDER BY full_name, id";
        }
        try (Connection c = db.getConnection()) {
            Long count = null;
            if (total) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM member WHERE " + countWhere)) {
                    bind(ps, countParams);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        count = rs.getLong(1);
                    }
                }
            }
            // each row straight to its view (no entity: a bytecode-enhanced Member tracks every field set, ~6% of a
            // page's CPU in the members benchmark's profile); the cell code is filled in once the page's cells are known
            List<MemberView> rows = new ArrayList<>(size + 1);
            List<UUID> rowCells = new ArrayList<>(size + 1);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rowCells.add(rs.getObject(3, UUID.class));
                        rows.add(view(rs, orgCode, personal));
                    }
                }
            }
            boolean more = rows.size() > size;
            int shown = more ? size : rows.size();
            Map<UUID, String> cellCodes = codes.cellCodes(c, new HashSet<>(rowCells.subList(0, shown)));
            List<MemberView> views = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                views.add(rows.get(i).withCellCode(cellCodes.get(rowCells.get(i))));
            }
            MemberView last = more ? views.get(shown - 1) : null;
            return new Page(views, count, last == null ? null : MemberService.cursorOf(last.fullName(), last.id()));
        } catch (SQLException e) {
            throw new IllegalStateException("reading a page of members: SQL state " + e.getSQLState(), e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /**
     * The view of the row at {@code rs} (the columns of {@link #COLUMNS}, in order) with no cell code yet; what
     * {@link MemberView#of} makes of the same member's entity, the personal data withheld unless {@code personal}.
     */
    private static MemberView view(ResultSet rs, String orgCode, boolean personal) throws SQLException {
        MemberStatus status = MemberStatus.valueOf(rs.getString(11));
        LocalDate admission = rs.getObject(13, LocalDate.class);
        return new MemberView(rs.getObject(1, UUID.class), orgCode, null, rs.getString(4), rs.getString(5),
                personal ? rs.getString(6) : null, personal ? Boolean.valueOf(rs.getBoolean(7)) : null,
                personal ? rs.getObject(8, LocalDate.class) : null, personal ? rs.getString(9) : null,
                personal ? rs.getString(10) : null, !personal, status, rs.getBoolean(12), admission,
                rs.getObject(14, LocalDate.class),
                status == MemberStatus.PROBATIONARY ? Member.earliestConfirmation(admission) : null,
                rs.getString(15), rs.getString(16), rs.getObject(17, LocalDate.class), rs.getObject(18, LocalDate.class),
                rs.getObject(19, LocalDate.class), rs.getObject(20, LocalDate.class), rs.getObject(21, LocalDate.class),
                rs.getInt(22));
    }
}
