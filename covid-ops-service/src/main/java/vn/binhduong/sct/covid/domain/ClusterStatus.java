package vn.binhduong.sct.covid.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Operating status of the businesses of one cluster, or of all clusters (scope ALL), on one date. */
@Entity
@Table(name = "cluster_status")
public class ClusterStatus extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID clusterId;
    public String scope;
    public LocalDate reportDate;
    public int businessesTotal;
    public int businessesOperating;
    public int onSite;
    public int threeGreen;
    public int oneRouteTwoSites;
    public int switchedOnSiteToThreeGreen;
    public int workers;
    public int cumulativePositives;
    public String source;
    @Version
    public int version;
}
