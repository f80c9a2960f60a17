package vn.binhduong.sct.member.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member holding a position in a committee from {@code since} until {@code until} (open while held). */
@Entity
@Table(name = "committee_seat")
public class CommitteeSeat extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID committeeId;
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public Position position;
    public LocalDate since;
    public LocalDate until;
    @Version
    public int version;
}
