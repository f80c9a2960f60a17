package vn.binhduong.sct.inspection.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An establishment visited by compliance teams, by a stable code so that repeat visits count it once. */
@Entity
@Table(name = "compliance_establishment")
public class ComplianceEstablishment extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    @Enumerated(EnumType.STRING)
    public EstablishmentType type;
    public String name;
}
