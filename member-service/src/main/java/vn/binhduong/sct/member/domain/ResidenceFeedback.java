package vn.binhduong.sct.member.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Quy định 213-QĐ/TW: the residence party committee's remark on a member for a year. */
@Entity
@Table(name = "residence_feedback")
public class ResidenceFeedback extends PanacheEntityBase {
    /** chấp hành tốt / chưa tốt */
    public enum Assessment { GOOD, NOT_GOOD }

    @Id
    public UUID id;
    public UUID memberId;
    public int year;
    @Enumerated(EnumType.STRING)
    public Assessment assessment;
    public String remark;
    public String localCommittee;
    @Version
    public int version;
}
