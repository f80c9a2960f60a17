package vn.binhduong.sct.covid.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Supply support to wards under hard lockdown (khóa chặt, đông cứng). */
@Entity
@Table(name = "lockdown_operation")
public class LockdownOperation extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String planReference;
    public String districts;
    public int wards;
    public int staffAssigned;
    public int workingGroups;
    public LocalDate startDate;
    public LocalDate endDate;
    public String supplyActions;
    @Version
    public int version;
}
