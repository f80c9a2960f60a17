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

/** An essential-worker permit (Giấy xác nhận nhân viên giao hàng thiết yếu) with its signed token. */
@Entity
@Table(name = "permit")
public class Permit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public PermitKind kind;
    public String holderName;
    public String company;
    public LocalDate validFrom;
    public LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    public PermitStatus status;
    public String kid;
    public String token;
    public Instant issuedAt;
    public Instant revokedAt;
    public String revokeReason;
    @Version
    public int version;
}
