package vn.binhduong.sct.inspection.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A state inspection delegation (đoàn thanh tra) of the department, or one it took part in. */
@Entity
@Table(name = "state_inspection")
public class StateInspection extends PanacheEntityBase {
    public enum Status {
        OPEN, CONCLUDED
    }

    @Id
    public UUID id;
    public String organization;
    public String issuer;
    public String decisionNumber;
    public LocalDate decisionDate;
    public int year;
    /** Comma-separated {@link InspectionField} names. */
    public String fields;
    public String title;
    public String leadAgency;
    public boolean interAgency;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public LocalDate concludedOn;
    public Boolean violationsFound;
    public String findings;
    public String sourceSentence;
    @Version
    public int version;

    public List<InspectionField> fieldList() {
        return fields == null || fields.isBlank() ? List.of()
                : Arrays.stream(fields.split(",")).map(InspectionField::valueOf).toList();
    }
}
