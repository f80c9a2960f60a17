package vn.binhduong.sct.indicator.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a value, a target or an approval state: who, when, what, why. Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    public OffsetDateTime at;
    public String actor;
    public String action;
    public String organization;
    public String period;
    public String indicatorCode;
    public String detail;
    public String reason;
}
