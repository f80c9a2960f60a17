package vn.binhduong.sct.member.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who finalised or reopened an evaluation year, when, and why. */
@Entity
@Table(name = "evaluation_audit")
public class EvaluationAudit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID yearId;
    public String action;
    public String actor;
    public String reason;
    public OffsetDateTime at;
}
