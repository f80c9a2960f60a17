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

/** A testing total as a source document states it, kept as stated beside the computed one. */
@Entity
@Table(name = "testing_reported_total")
public class TestingReportedTotal extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID campaignId;
    public LocalDate asOf;
    public long testsPerformed;
    public long positives;
    public BigDecimal statedRatePercent;
    public String source;
}
