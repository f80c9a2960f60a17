package vn.binhduong.sct.inspection.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cell's own plan of self-inspection and supervision for a year, with how many members it self-inspected. */
@Entity
@Table(name = "self_inspection_plan")
public class SelfInspectionPlan extends PanacheEntityBase {
    @Id
    public UUID id;
    public String organization;
    public String cellCode;
    public int year;
    public LocalDate adoptedOn;
    public int membersPlanned;
    public int membersSelfInspected;
    public String remarks;
    @Version
    public int version;
}
