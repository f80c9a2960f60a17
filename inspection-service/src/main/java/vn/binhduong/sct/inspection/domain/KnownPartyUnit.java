package vn.binhduong.sct.inspection.domain;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What this service has learned from sct.member.events about an organisation, a cell or a member. */
@Entity
@Table(name = "known_party_unit")
public class KnownPartyUnit extends PanacheEntityBase {
    public enum Kind {
        ORGANIZATION, CELL, MEMBER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String organizationCode;
    public String code;
    public String externalId;
    public String cellCode;
    public String name;
    public String lastEventType;
    public OffsetDateTime updatedAt;

    /** A cell or member of {@code organization} referenced by its code or by the id member-service gave it. */
    public static Optional<KnownPartyUnit> find(Kind kind, String organization, String ref) {
        return KnownPartyUnit.<KnownPartyUnit>find(
                "kind = ?1 and organizationCode = ?2 and (code = ?3 or externalId = ?3)", kind, organization, ref)
                .firstResultOptional();
    }
}
