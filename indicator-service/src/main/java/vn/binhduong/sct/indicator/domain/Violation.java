package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.binhduong.sct.platform.rules.Importance;

/** A rule that the figures of one organisation and period break, as of the last validation run. */
@Entity
@Table(name = "validation_violation")
public class Violation extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID ruleId;
    public String ruleCode;
    public String organization;
    public String period;
    public LocalDate periodStart;
    public BigDecimal leftValue;
    public BigDecimal rightValue;
    @Enumerated(EnumType.STRING)
    public Importance importance;
    public String message;
    public OffsetDateTime foundAt;
}
