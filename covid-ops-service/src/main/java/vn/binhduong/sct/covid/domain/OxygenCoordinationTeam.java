package vn.binhduong.sct.covid.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A coordination team for medical oxygen (Tổ điều phối Oxy) set up by a decision, and the department's role in it. */
@Entity
@Table(name = "oxygen_coordination_team")
public class OxygenCoordinationTeam extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String decisionReference;
    public LocalDate decisionDate;
    public String issuedBy;
    public String departmentRole;
    @Version
    public int version;
}
