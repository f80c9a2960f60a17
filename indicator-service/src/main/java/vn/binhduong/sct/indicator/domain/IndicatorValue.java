package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The current value of one indicator for one organisation and period; earlier revisions are in {@link ValueRevision}. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;
    public String organization;
    public String period;
    @Enumerated(EnumType.STRING)
    public PeriodType periodType;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    public ValueKind kind;
    /** In the indicator's base unit; null when the source states only the growth. */
    public BigDecimal value;
    /** Growth versus the same period last year, in percent, as published ("tăng 13,5% so cùng kỳ"). */
    public BigDecimal publishedGrowth;
    public boolean derived;
    /** For a derived value: the input values it was computed from, by indicator code. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> inputs;
    public String source;
    public String note;
    public int revision;
    @Version
    public int version;
    public OffsetDateTime recordedAt;
    public String recordedBy;

    public Period periodValue() {
        return Period.parse(period);
    }

    public static IndicatorValue find(UUID indicatorId, String organization, String period) {
        return IndicatorValue.<IndicatorValue>find("indicator.id = ?1 and organization = ?2 and period = ?3", indicatorId,
                organization, period).firstResult();
    }
}
