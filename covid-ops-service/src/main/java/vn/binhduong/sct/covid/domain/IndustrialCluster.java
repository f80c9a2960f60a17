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

/** Cụm công nghiệp. */
@Entity
@Table(name = "industrial_cluster")
public class IndustrialCluster extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String district;
    @Version
    public int version;
}
