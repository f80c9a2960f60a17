package vn.binhduong.sct.member.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.binhduong.sct.platform.problem.ProblemException;

/** The annual evaluation of one organisation: open for ratings, then finalised (locked). */
@Entity
@Table(name = "evaluation_year")
public class EvaluationYear extends PanacheEntityBase {
    public enum Status { OPEN, FINALIZED }

    /** Members admitted less than this many months before the evaluation are not rated. */
    public static final int MIN_MONTHS_SINCE_ADMISSION = 6;

    @Id
    public UUID id;
    public UUID organizationId;
    public int year;
    @Enumerated(EnumType.STRING)
    public RuleSet ruleSet;
    public LocalDate evaluationDate;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Rating organizationRating;
    public OffsetDateTime finalizedAt;
    /** The official roll at the evaluation date as counted at finalisation; null while the year is open. */
    public Integer finalMembersOnRoll;
    /** Of that roll, members admitted less than 6 months before the evaluation, counted at finalisation. */
    public Integer finalAdmittedRecently;
    /** Of the others, members suspended on the evaluation date, counted at finalisation. */
    public Integer finalSuspended;
    /** Members rated at each level, counted at finalisation (ratings are locked while the year is finalised). */
    public Integer finalRatedExcellent;
    public Integer finalRatedGood;
    public Integer finalRatedCompleted;
    public Integer finalRatedNotCompleted;
    @Version
    public int version;

    public void requireOpen() {
        if (status == Status.FINALIZED) {
            throw ProblemException.conflict("evaluation-year-locked", "the evaluation of " + year
                    + " is finalised and locked; reopen it with a reason to change it", Map.of("year", year));
        }
    }
}
