package vn.binhduong.sct.member.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's rating for a year, with the cell that rated them. */
@Entity
@Table(name = "member_rating")
public class MemberRating extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID yearId;
    public UUID memberId;
    public UUID cellId;
    @Enumerated(EnumType.STRING)
    public Rating rating;
    public Integer score;
    public String note;
    @Version
    public int version;
}
