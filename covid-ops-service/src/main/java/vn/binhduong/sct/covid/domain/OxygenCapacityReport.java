package vn.binhduong.sct.covid.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One oxygen supplier's capacity and containers as reported on one date (one report per supplier and date). */
@Entity
@Table(name = "oxygen_capacity_report")
public class OxygenCapacityReport extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID supplierId;
    public LocalDate reportDate;
    @Enumerated(EnumType.STRING)
    public OxygenEnums.CapacityBasis capacityBasis;
    public long capacity;
    @Enumerated(EnumType.STRING)
    public OxygenEnums.CapacityUnit capacityUnit;
    public int cylinders;
    public long cylinderVolumeLitres;
    public int tanks;
    public long tankVolumeLitres;
    public int otherContainers;
    public long otherVolumeLitres;
    public String source;
    @Version
    public int version;
}
