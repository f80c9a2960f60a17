package vn.binhduong.sct.inspection.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A count of establishments as a report states it, with the sentence it comes from. Never adjusted. */
@Entity
@Table(name = "compliance_coverage_report")
public class ComplianceCoverageReport extends PanacheEntityBase {
    @Id
    public UUID id;
    public String organization;
    public int year;
    @Enumerated(EnumType.STRING)
    public ComplianceScope scope;
    public int teams;
    @Enumerated(EnumType.STRING)
    public EstablishmentType establishmentType;
    public int establishments;
    public String source;
    public String sourceSentence;
}
