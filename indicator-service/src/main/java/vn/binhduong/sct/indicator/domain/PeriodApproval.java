package vn.binhduong.sct.indicator.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "period_approval")
public class PeriodApproval extends PanacheEntityBase {
    @Id
    public UUID id;
    public String organization;
    public String period;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    public ApprovalState state;
    public String overrideReason;
    @Version
    public int version;
    public OffsetDateTime updatedAt;
    public String updatedBy;
}
