package vn.binhduong.sct.inspection.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "inspection_body")
public class InspectionBody extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String organization;
    @Version
    public int version;
}
