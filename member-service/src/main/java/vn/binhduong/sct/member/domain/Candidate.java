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

/** Quần chúng sent to the party awareness class (lớp cảm tình Đảng), tracked until admission. */
@Entity
@Table(name = "candidate")
public class Candidate extends PanacheEntityBase {
    public enum Status { IN_AWARENESS_CLASS, ADMITTED, DROPPED }

    @Id
    public UUID id;
    public UUID organizationId;
    public UUID cellId;
    public String fullName;
    public LocalDate awarenessClassDate;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID memberId;
    @Version
    public int version;
}
