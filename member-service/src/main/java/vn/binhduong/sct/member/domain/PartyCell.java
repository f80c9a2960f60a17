package vn.binhduong.sct.member.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Chi bộ: a cell of a party organisation. Its code is unique in the service (a secretary's token names it). */
@Entity
@Table(name = "party_cell")
public class PartyCell extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID organizationId;
    public String code;
    public String name;
    public LocalDate establishedOn;
    @Version
    public int version;

    public static java.util.Optional<PartyCell> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
