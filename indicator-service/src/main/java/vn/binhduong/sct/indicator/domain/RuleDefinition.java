package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.binhduong.sct.platform.rules.Importance;
import vn.binhduong.sct.platform.rules.MissingValueStrategy;
import vn.binhduong.sct.platform.rules.Operator;
import vn.binhduong.sct.platform.rules.ValidationRule;

/** A stored validation rule; {@link #toRule()} gives the platform engine's form. */
@Entity
@Table(name = "validation_rule")
public class RuleDefinition extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Column(name = "left_expression")
    public String leftExpression;
    @Enumerated(EnumType.STRING)
    public Operator operator;
    @Column(name = "right_expression")
    public String rightExpression;
    public BigDecimal tolerance;
    @Enumerated(EnumType.STRING)
    public MissingValueStrategy missingStrategy;
    @Enumerated(EnumType.STRING)
    public Importance importance;
    public String message;
    /** Only periods of this type are checked; null means every type. */
    @Enumerated(EnumType.STRING)
    public PeriodType periodType;
    @Version
    public int version;

    public ValidationRule toRule() {
        return ValidationRule.of(code, name, leftExpression, operator.name(), rightExpression, tolerance, missingStrategy,
                importance, message);
    }
}
