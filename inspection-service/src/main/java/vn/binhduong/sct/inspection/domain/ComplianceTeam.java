package vn.binhduong.sct.inspection.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A COVID-19 compliance inspection team (đoàn / tổ kiểm tra công tác phòng chống dịch). */
@Entity
@Table(name = "compliance_team")
public class ComplianceTeam extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String organization;
    public String name;
    @Enumerated(EnumType.STRING)
    public ComplianceScope scope;
    public int year;
    public String decisionReference;
    @Version
    public int version;
}
