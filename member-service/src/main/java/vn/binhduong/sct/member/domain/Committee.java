package vn.binhduong.sct.member.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A committee of an organisation for a term, with a number of seats. */
@Entity
@Table(name = "committee")
public class Committee extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID organizationId;
    /** the cell of a CELL committee, null for the organisation's committees */
    public UUID cellId;
    @Enumerated(EnumType.STRING)
    public CommitteeKind kind;
    public int termStartYear;
    public int termEndYear;
    public int seats;
    @Version
    public int version;
}
