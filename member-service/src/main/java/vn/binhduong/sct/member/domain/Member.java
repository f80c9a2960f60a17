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
import vn.binhduong.sct.platform.problem.ProblemException;

/** Đảng viên. Belongs to exactly one cell; national ID, date of birth and residence are personal data. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {
    /** Điều lệ Đảng, Điều 5: probation lasts twelve months from admission. */
    public static final int PROBATION_MONTHS = 12;

    @Id
    public UUID id;
    public UUID organizationId;
    public UUID cellId;
    public String fullName;
    public String gender;
    public String ethnicity;
    public boolean religious;
    public LocalDate dateOfBirth;
    public String nationalId;
    public String residence;
    @Enumerated(EnumType.STRING)
    public MemberStatus status;
    /** attending here on a temporary transfer from another organisation: not on this organisation's official roll */
    public boolean temporary;
    public LocalDate admissionDate;
    public LocalDate confirmationDate;
    public String partyCardNumber;
    public String departmentPosition;
    public LocalDate onRollSince;
    public LocalDate leftOn;
    public LocalDate temporarilyAwayUntil;
    public LocalDate suspendedFrom;
    public LocalDate suspendedUntil;
    @Version
    public int version;

    public void requireOnRoll() {
        if (!status.onRoll()) {
            throw ProblemException.conflict("member-not-active",
                    "member " + id + " is " + status + " since " + leftOn + "; only probationary and official members can change");
        }
    }

    public boolean suspendedOn(LocalDate date) {
        return suspendedFrom != null && !date.isBefore(suspendedFrom) && (suspendedUntil == null || !date.isAfter(suspendedUntil));
    }

    public LocalDate earliestConfirmation() {
        return earliestConfirmation(admissionDate);
    }

    /** The earliest confirmation of a member admitted on {@code admission}: after the probation. */
    public static LocalDate earliestConfirmation(LocalDate admission) {
        return admission.plusMonths(PROBATION_MONTHS);
    }
}
