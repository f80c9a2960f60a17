package vn.binhduong.sct.member.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "party_organization")
public class PartyOrganization extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String superiorBody;
    @Version
    public int version;
}
