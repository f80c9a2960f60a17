package vn.binhduong.sct.indicator.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named list of indicators reported together (DHIS2's data set), e.g. the main targets of the annual report. */
@Entity
@Table(name = "indicator_set")
public class IndicatorSet extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "indicator_set_member", joinColumns = @JoinColumn(name = "set_code"))
    @OrderColumn(name = "position")
    @Column(name = "indicator_code")
    public List<String> indicators = new ArrayList<>();
    @Version
    public int version;
}
