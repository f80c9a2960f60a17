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

/** Rapid testing under one plan, e.g. Kế hoạch số 2050/KH-SCT (periodic testing every 3 days). */
@Entity
@Table(name = "testing_campaign")
public class TestingCampaign extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String planReference;
    public LocalDate startDate;
    public Integer intervalDays;
    @Version
    public int version;
}
