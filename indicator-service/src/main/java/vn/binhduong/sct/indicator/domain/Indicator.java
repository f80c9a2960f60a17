package vn.binhduong.sct.indicator.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    public String unit;
    @Version
    public int version;
}
