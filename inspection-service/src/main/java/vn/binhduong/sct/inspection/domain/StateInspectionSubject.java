package vn.binhduong.sct.inspection.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A business or individual a state inspection delegation inspected. */
@Entity
@Table(name = "state_inspection_subject")
public class StateInspectionSubject extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID stateInspectionId;
    @Enumerated(EnumType.STRING)
    public SubjectKind subjectKind;
    public String name;
}
