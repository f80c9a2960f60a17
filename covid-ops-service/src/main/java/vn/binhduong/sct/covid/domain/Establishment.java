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

/** A business, market, shop or supplier the department follows; the code is stable across visits and uploads. */
@Entity
@Table(name = "establishment")
public class Establishment extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public EstablishmentType type;
    public String clusterCode;
    public String district;
    @Version
    public int version;
}
