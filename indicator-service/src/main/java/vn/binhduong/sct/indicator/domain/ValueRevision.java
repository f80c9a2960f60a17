package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One recorded state of a value; never changed once written. */
@Entity
@Table(name = "indicator_value_revision")
public class ValueRevision extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID valueId;
    public int revision;
    @Enumerated(EnumType.STRING)
    public ValueKind kind;
    public BigDecimal value;
    public BigDecimal publishedGrowth;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> inputs;
    public String source;
    public String note;
    public OffsetDateTime recordedAt;
    public String recordedBy;

    public static ValueRevision of(IndicatorValue v) {
        ValueRevision r = new ValueRevision();
        r.id = UUID.randomUUID();
        r.valueId = v.id;
        r.revision = v.revision;
        r.kind = v.kind;
        r.value = v.value;
        r.publishedGrowth = v.publishedGrowth;
        r.inputs = v.inputs;
        r.source = v.source;
        r.note = v.note;
        r.recordedAt = v.recordedAt;
        r.recordedBy = v.recordedBy;
        return r;
    }
}
