package vn.binhduong.sct.indicator.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import vn.binhduong.sct.indicator.domain.AuditEntry;

/** Appends to the audit trail inside the caller's transaction, naming the caller from the token. */
@ApplicationScoped
public class AuditLog {
    private final JsonWebToken jwt;

    public AuditLog(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public String actor() {
        try {
            String name = jwt.getName();
            return name == null ? "system" : name;
        } catch (RuntimeException e) {
            return "system";
        }
    }

    public void record(String action, String organization, String period, String indicatorCode, String detail,
            String reason) {
        AuditEntry e = new AuditEntry();
        e.id = UUID.randomUUID();
        e.at = OffsetDateTime.now();
        e.actor = actor();
        e.action = action;
        e.organization = organization;
        e.period = period;
        e.indicatorCode = indicatorCode;
        e.detail = detail;
        e.reason = reason;
        e.persist();
    }
}
