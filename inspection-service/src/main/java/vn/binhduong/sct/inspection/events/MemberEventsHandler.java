package vn.binhduong.sct.inspection.events;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import vn.binhduong.sct.inspection.domain.KnownPartyUnit;
import vn.binhduong.sct.inspection.domain.KnownPartyUnit.Kind;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;

/**
 * Builds the local read model of organisations, cells and members from sct.member.events, so inspection targets can be
 * checked without calling member-service. Tolerant reader: it takes the fields it knows ({@code organization} or
 * {@code organizationCode}, {@code cellCode}, {@code cellId}, {@code cellName}, {@code memberId}) from any
 * {@code party-organization.*}, {@code party-cell.*} (or {@code cell.*}) and {@code member.*} event and ignores the rest; member names are not kept (no personal data is needed here).
 */
@ApplicationScoped
public class MemberEventsHandler implements EventHandler {
    @Override
    public void apply(EventEnvelope event) {
        JsonNode p = event.payload();
        String type = event.type();
        if (type.equals("party-organization.registered") || type.startsWith("party-organization.")) {
            String code = text(p, "code", "organizationCode");
            if (code == null) {
                code = event.organization();
            }
            if (code != null) {
                upsert(Kind.ORGANIZATION, code, code, null, null, text(p, "name"), type);
            }
        } else if (type.startsWith("party-cell.") || type.startsWith("cell.")) {
            String org = orElse(text(p, "organizationCode", "organization"), event.organization());
            String code = text(p, "cellCode", "code");
            String id = orElse(text(p, "cellId"), "cell".equals(event.aggregateType()) ? event.aggregateId() : null);
            if (org != null && (code != null || id != null)) {
                upsert(Kind.CELL, org, code, id, code, text(p, "name", "cellName"), type);
            }
        } else if (type.startsWith("member.")) {
            String org = orElse(text(p, "organizationCode", "organization"), event.organization());
            String id = orElse(text(p, "memberId"), "member".equals(event.aggregateType()) ? event.aggregateId() : null);
            if (org != null && id != null) {
                upsert(Kind.MEMBER, org, null, id, text(p, "cellCode"), null, type);
            }
        }
    }

    private static void upsert(Kind kind, String org, String code, String externalId, String cellCode, String name,
            String type) {
        KnownPartyUnit unit = null;
        if (externalId != null) {
            unit = KnownPartyUnit.<KnownPartyUnit>find("kind = ?1 and externalId = ?2", kind, externalId).firstResult();
        }
        if (unit == null && code != null) {
            unit = KnownPartyUnit.<KnownPartyUnit>find("kind = ?1 and organizationCode = ?2 and code = ?3", kind, org, code)
                    .firstResult();
        }
        if (unit == null) {
            unit = new KnownPartyUnit();
            unit.kind = kind;
        }
        unit.organizationCode = org;
        if (code != null) {
            unit.code = code;
        }
        if (externalId != null) {
            unit.externalId = externalId;
        }
        if (cellCode != null) {
            unit.cellCode = cellCode;
        }
        if (name != null) {
            unit.name = name;
        }
        unit.lastEventType = type;
        unit.updatedAt = OffsetDateTime.now();
        unit.persist();
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
