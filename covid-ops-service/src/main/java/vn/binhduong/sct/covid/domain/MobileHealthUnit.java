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

/** Trạm y tế lưu động (STATION) or Tổ y tế lưu động (TEAM) set up in a cluster. */
@Entity
@Table(name = "mobile_health_unit")
public class MobileHealthUnit extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID clusterId;
    @Enumerated(EnumType.STRING)
    public HealthUnitKind kind;
    public LocalDate establishedOn;
    @Version
    public int version;
}
