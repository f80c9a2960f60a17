package vn.binhduong.sct.member.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One dated change in a member's history: the state (cell, status) from {@code effectiveDate} on. */
@Entity
@Table(name = "member_movement")
public class MemberMovement extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID memberId;
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public MovementKind kind;
    public LocalDate effectiveDate;
    public UUID cellId;
    @Enumerated(EnumType.STRING)
    public MemberStatus status;
    public boolean temporary;
    public UUID previousCellId;
    @Enumerated(EnumType.STRING)
    public MemberStatus previousStatus;
    public String detail;

    public static MemberMovement of(Member m, MovementKind kind, LocalDate date, UUID previousCellId, MemberStatus previousStatus,
            String detail) {
        MemberMovement mv = new MemberMovement();
        mv.memberId = m.id;
        mv.organizationId = m.organizationId;
        mv.kind = kind;
        mv.effectiveDate = date;
        mv.cellId = m.cellId;
        mv.status = m.status;
        mv.temporary = m.temporary;
        mv.previousCellId = previousCellId;
        mv.previousStatus = previousStatus;
        mv.detail = detail;
        return mv;
    }
}
