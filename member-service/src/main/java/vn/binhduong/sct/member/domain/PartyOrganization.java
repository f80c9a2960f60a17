package vn.binhduong.sct.member.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Đảng bộ cơ sở: the grassroots party organisation, e.g. DB-SCT. */
@Entity
@Table(name = "party_organization")
public class PartyOrganization extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String superiorBody;
    public Integer termStartYear;
    public Integer termEndYear;
    @Version
    public int version;

    public static java.util.Optional<PartyOrganization> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
