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

/** Tests performed and positives at one establishment on one date under one campaign. */
@Entity
@Table(name = "test_session")
public class TestSession extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID campaignId;
    public UUID establishmentId;
    public LocalDate sessionDate;
    public int testsPerformed;
    public int positives;
    /** The business tested its own staff under the department's supervision. */
    public boolean selfTesting;
    public UUID uploadJobId;
    @Version
    public int version;
}
