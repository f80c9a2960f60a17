package vn.binhduong.sct.inspection.domain;

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

/**
 * Planned work of the department outside party programmes (a planned inspection delegation, a drill), so that what
 * was not done, and why, is data the report's limitations section is generated from.
 */
@Entity
@Table(name = "planned_work")
public class PlannedWork extends PanacheEntityBase {
    public enum Category {
        STATE_INSPECTION, DRILL, OTHER
    }

    public enum Status {
        PLANNED, DONE, POSTPONED, CANCELLED
    }

    @Id
    public UUID id;
    public String organization;
    public int year;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public InspectionField field;
    public String title;
    public String planReference;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String postponedReason;
    public Integer postponedToYear;
    public String sourceSentence;
    @Version
    public int version;

    public void postpone(String reason, int toYear) {
        if (status != Status.PLANNED) {
            throw ProblemException.conflict("planned-work-status",
                    "planned work " + id + " is " + status + "; only PLANNED work can be postponed",
                    Map.of("status", status.name()));
        }
        if (toYear <= year) {
            throw ProblemException.ruleViolated("postponement-not-to-a-later-year",
                    "work planned for " + year + " can only be postponed to a later year, not " + toYear,
                    Map.of("plannedYear", year, "toYear", toYear));
        }
        status = Status.POSTPONED;
        postponedReason = reason;
        postponedToYear = toYear;
    }
}
