package vn.binhduong.sct.inspection.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An administrative penalty decision (quyết định xử phạt vi phạm hành chính). */
@Entity
@Table(name = "penalty_decision")
public class PenaltyDecision extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID stateInspectionId;
    public String organization;
    public String issuer;
    public String decisionNumber;
    public LocalDate decidedOn;
    public int year;
    @Enumerated(EnumType.STRING)
    public SubjectKind offenderKind;
    public String offenderName;
    public String violation;
    public long amountVnd;
    public boolean paid;
    public LocalDate paidOn;
    public String sourceSentence;
    @Version
    public int version;
}
