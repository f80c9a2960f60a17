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

/** Permits issued as a source document reports them in aggregate (no individual records behind it). */
@Entity
@Table(name = "permit_reported_total")
public class PermitReportedTotal extends PanacheEntityBase {
    @Id
    public UUID id;
    public LocalDate asOf;
    public int total;
    public Integer deliveryWorkers;
    public Integer importExportStaff;
    public String source;
}
