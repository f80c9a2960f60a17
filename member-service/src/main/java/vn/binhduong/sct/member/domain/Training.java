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

/** A member sent to a training programme in a year. */
@Entity
@Table(name = "training")
public class Training extends PanacheEntityBase {
    public enum Status { SENT, COMPLETED, WITHDRAWN }

    @Id
    public UUID id;
    public UUID organizationId;
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public TrainingProgramme programme;
    public int year;
    public LocalDate startDate;
    public LocalDate endDate;
    public String institution;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Version
    public int version;
}
