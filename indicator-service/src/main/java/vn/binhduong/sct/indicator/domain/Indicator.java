package vn.binhduong.sct.indicator.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A catalogue entry. With a formula it is derived: its values are computed from other indicators, never typed. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Unit unit;
    public String unitLabel;
    @Enumerated(EnumType.STRING)
    public Scale scale;
    @Enumerated(EnumType.STRING)
    public Aggregation aggregation;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    public String ownerDivision;
    public String formula;
    public String description;
    @Version
    public int version;

    public boolean derived() {
        return formula != null && !formula.isBlank();
    }

    /** "tỷ đồng", "tỷ USD", "chợ", "%". */
    public String displayUnit() {
        String u = unitLabel != null && !unitLabel.isBlank() ? unitLabel : unit.label();
        return (scale.word() + " " + u).strip();
    }

    public static Indicator byCode(String code) {
        return Indicator.<Indicator>find("code", code).firstResult();
    }
}
