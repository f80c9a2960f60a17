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

/** Outlets of one category operating out of the total on one date. */
@Entity
@Table(name = "retail_status")
public class RetailStatus extends PanacheEntityBase {
    @Id
    public UUID id;
    public LocalDate reportDate;
    @Enumerated(EnumType.STRING)
    public RetailCategory category;
    public int operating;
    public int total;
    public String source;
    @Version
    public int version;
}
