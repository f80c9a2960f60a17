package vn.binhduong.sct.member.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cell's rating for a year. */
@Entity
@Table(name = "cell_rating")
public class CellRating extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID yearId;
    public UUID cellId;
    @Enumerated(EnumType.STRING)
    public Rating rating;
    @Version
    public int version;
}
