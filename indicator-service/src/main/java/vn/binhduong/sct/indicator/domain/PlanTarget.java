package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A plan target ("kế hoạch", KH): a value to reach or a growth to reach, with the plan document it comes from. */
@Entity
@Table(name = "plan_target")
public class PlanTarget extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;
    public String organization;
    public String period;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    public BigDecimal targetValue;
    public BigDecimal targetGrowth;
    public String planDocument;
    public String note;
    @Version
    public int version;
    public OffsetDateTime setAt;
    public String setBy;

    public static PlanTarget find(UUID indicatorId, String organization, String period) {
        return PlanTarget.<PlanTarget>find("indicator.id = ?1 and organization = ?2 and period = ?3", indicatorId,
                organization, period).firstResult();
    }
}
