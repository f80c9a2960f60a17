package vn.binhduong.sct.inspection.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One visit of a compliance team to an establishment. */
@Entity
@Table(name = "compliance_visit")
public class ComplianceVisit extends PanacheEntityBase {
    public enum Result {
        /** đạt yêu cầu */
        COMPLIANT,
        /** nhắc nhở, hướng dẫn khắc phục */
        REMINDED,
        /** vi phạm, lập biên bản */
        VIOLATION,
        /** tạm dừng hoạt động */
        SUSPENDED
    }

    @Id
    public UUID id;
    public String teamCode;
    public String establishmentCode;
    public LocalDate visitedOn;
    public int year;
    @Enumerated(EnumType.STRING)
    public Result result;
    public String remarks;
}
