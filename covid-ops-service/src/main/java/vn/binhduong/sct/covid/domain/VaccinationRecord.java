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

/** Doses administered under a campaign on one date to one target group. */
@Entity
@Table(name = "vaccination_record")
public class VaccinationRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID campaignId;
    public LocalDate recordDate;
    @Enumerated(EnumType.STRING)
    public TargetGroup targetGroup;
    public int doses;
    public String source;
    @Version
    public int version;
}
