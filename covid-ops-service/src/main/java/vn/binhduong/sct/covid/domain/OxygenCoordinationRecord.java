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

/** One action of a coordination team: a treatment unit's need connected to a supplier. Units are institutions, not people. */
@Entity
@Table(name = "oxygen_coordination_record")
public class OxygenCoordinationRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID teamId;
    public LocalDate actionDate;
    public String requestingUnit;
    @Enumerated(EnumType.STRING)
    public OxygenEnums.RequestingUnitKind requestingUnitKind;
    public UUID supplierId;
    public long quantity;
    @Enumerated(EnumType.STRING)
    public OxygenEnums.QuantityUnit quantityUnit;
    @Enumerated(EnumType.STRING)
    public OxygenEnums.CoordinationStatus status;
    public String note;
    @Version
    public int version;
}
