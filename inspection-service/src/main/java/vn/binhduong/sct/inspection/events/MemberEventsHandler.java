package vn.binhduong.sct.inspection.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import vn.binhduong.sct.inspection.domain.KnownPartyUnit.Kind;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;
import vn.binhduong.sct.platform.sql.PgArray;

/**
 * Builds the local read model of organisations, cells and members from sct.member.events, so inspection targets can be
 * checked without calling member-service. Tolerant reader: it takes the fields it knows ({@code organization} or
 * {@code organizationCode}, {@code cellCode}, {@code cellId}, {@code cellName}, {@code memberId}) from any
 * {@code party-organization.*}, {@code party-cell.*} (or {@code cell.*}) and {@code member.*} event and ignores the
 * rest; member names are not kept (no personal data is needed here).
 *
 * <p>Per inbox batch: {@link #apply} only merges the event into an in-memory picture of the units the batch touches
 * (a unit is found by the id member-service gave it, else by its code, as in the table; a later event's non-null
 * fields win), and {@link #endBatch} writes that picture in three statements whatever the batch size. Applying a
 * batch again, or its events one batch each, leaves the same rows: every statement is an upsert that only
 * overwrites with non-null values.
 */
@ApplicationScoped
public class MemberEventsHandler implements EventHandler {
    /** A unit as the batch's events describe it; null fields leave the stored value alone. */
    static final class Unit {
        final Kind kind;
        String organization;
        String code;
        String externalId;
        String cellCode;
        String name;
        String lastEventType;

        Unit(Kind kind) {
            this.kind = kind;
        }
    }

    private final EntityManager em;
    private final List<Unit> units = new ArrayList<>();
    private final Map<String, Unit> byExternalId = new HashMap<>();
    private final Map<String, Unit> byCode = new HashMap<>();

    public MemberEventsHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void beginBatch() {
        units.clear();
        byExternalId.clear();
        byCode.clear();
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode p = event.payload();
        String type = event.type();
        if (type.startsWith("party-organization.")) {
            String code = orElse(text(p, "code", "organizationCode"), event.organization());
            if (code != null) {
                merge(Kind.ORGANIZATION, code, code, null, null, text(p, "name"), type);
            }
        } else if (type.startsWith("party-cell.") || type.startsWith("cell.")) {
            String org = orElse(text(p, "organizationCode", "organization"), event.organization());
            String code = text(p, "cellCode", "code");
            String id = orElse(text(p, "cellId"), "cell".equals(event.aggregateType()) ? event.aggregateId() : null);
            if (org != null && (code != null || id != null)) {
                merge(Kind.CELL, org, code, id, code, text(p, "name", "cellName"), type);
            }
        } else if (type.startsWith("member.")) {
            String org = orElse(text(p, "organizationCode", "organization"), event.organization());
            String id = orElse(text(p, "memberId"), "member".equals(event.aggregateType()) ? event.aggregateId() : null);
            if (org != null && id != null) {
                merge(Kind.MEMBER, org, null, id, text(p, "cellCode"), null, type);
            }
        }
    }

    private void merge(Kind kind, String org, String code, String externalId, String cellCode, String name, String type) {
        Unit u = externalId == null ? null : byExternalId.get(kind + "|" + externalId);
        if (u == null && code != null) {
            u = byCode.get(kind + "|" + org + "|" + code);
        }
        if (u == null) {
            u = new Unit(kind);
            units.add(u);
        } else if (u.code != null && u.organization != null) {
            byCode.remove(kind + "|" + u.organization + "|" + u.code, u);
        }
        u.organization = org;
        if (code != null) {
            u.code = code;
        }
        if (externalId != null) {
            if (u.externalId != null && !u.externalId.equals(externalId)) {
                byExternalId.remove(kind + "|" + u.externalId, u);
            }
            u.externalId = externalId;
            byExternalId.put(kind + "|" + externalId, u);
        }
        if (cellCode != null) {
            u.cellCode = cellCode;
        }
        if (name != null) {
            u.name = name;
        }
        u.lastEventType = type;
        if (u.code != null) {
            byCode.put(kind + "|" + u.organization + "|" + u.code, u);
        }
    }

    @Override
    public void endBatch() {
        if (units.isEmpty()) {
            return;
        }
        List<Unit> withId = units.stream().filter(u -> u.externalId != null).toList();
        List<Unit> codeOnly = units.stream().filter(u -> u.externalId == null).toList();
        if (!withId.isEmpty()) {
            // A unit stored by its code before its id was known (or under an id since replaced) takes the new id, so
            // the upsert below finds it by id instead of colliding with it on the code.
            em.createNativeQuery(batch("""
                    UPDATE known_party_unit k SET external_id = d.external_id
                    FROM d
                    WHERE d.code IS NOT NULL AND k.kind = d.kind AND k.organization_code = d.organization_code
                      AND k.code = d.code AND k.external_id IS DISTINCT FROM d.external_id
                      AND NOT EXISTS (SELECT 1 FROM known_party_unit o WHERE o.kind = d.kind AND o.external_id = d.external_id)"""))
                    .setParameter(1, column(withId, u -> u.kind.name())).setParameter(2, column(withId, u -> u.organization))
                    .setParameter(3, column(withId, u -> u.code)).setParameter(4, column(withId, u -> u.externalId))
                    .setParameter(5, column(withId, u -> u.cellCode)).setParameter(6, column(withId, u -> u.name))
                    .setParameter(7, column(withId, u -> u.lastEventType))
                    .executeUpdate();
            em.createNativeQuery(batch(INSERT + """
                    ON CONFLICT (kind, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
                    """ + UPDATE))
                    .setParameter(1, column(withId, u -> u.kind.name())).setParameter(2, column(withId, u -> u.organization))
                    .setParameter(3, column(withId, u -> u.code)).setParameter(4, column(withId, u -> u.externalId))
                    .setParameter(5, column(withId, u -> u.cellCode)).setParameter(6, column(withId, u -> u.name))
                    .setParameter(7, column(withId, u -> u.lastEventType))
                    .executeUpdate();
        }
        if (!codeOnly.isEmpty()) {
            em.createNativeQuery(batch(INSERT + """
                    ON CONFLICT (kind, organization_code, code) WHERE code IS NOT NULL DO UPDATE SET
                    """ + UPDATE))
                    .setParameter(1, column(codeOnly, u -> u.kind.name())).setParameter(2, column(codeOnly, u -> u.organization))
                    .setParameter(3, column(codeOnly, u -> u.code)).setParameter(4, column(codeOnly, u -> u.externalId))
                    .setParameter(5, column(codeOnly, u -> u.cellCode)).setParameter(6, column(codeOnly, u -> u.name))
                    .setParameter(7, column(codeOnly, u -> u.lastEventType))
                    .executeUpdate();
        }
        beginBatch();
    }

    private static final String INSERT = """
            INSERT INTO known_party_unit (kind, organization_code, code, external_id, cell_code, name, last_event_type, updated_at)
            SELECT kind, organization_code, code, external_id, cell_code, name, last_event_type, now() FROM d
            """;

    private static final String UPDATE = """
            organization_code = EXCLUDED.organization_code,
            code = COALESCE(EXCLUDED.code, known_party_unit.code),
            cell_code = COALESCE(EXCLUDED.cell_code, known_party_unit.cell_code),
            name = COALESCE(EXCLUDED.name, known_party_unit.name),
            last_event_type = EXCLUDED.last_event_type,
            updated_at = now()""";

    /** The batch's units as a table {@code d}, one array parameter per column. */
    private static String batch(String statement) {
        return """
                WITH d AS (SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS varchar[]), CAST(?3 AS varchar[]),
                        CAST(?4 AS varchar[]), CAST(?5 AS varchar[]), CAST(?6 AS varchar[]), CAST(?7 AS varchar[]))
                        AS d(kind, organization_code, code, external_id, cell_code, name, last_event_type))
                """ + statement;
    }

    private static String column(List<Unit> rows, java.util.function.Function<Unit, String> f) {
        return PgArray.of(rows.stream().map(f).toList());
    }

    private static String text(JsonNode p, String... names) {
        for (String n : names) {
            JsonNode v = p.get(n);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }
}
