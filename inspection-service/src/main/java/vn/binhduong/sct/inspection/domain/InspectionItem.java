package vn.binhduong.sct.inspection.domain;

import java.time.LocalDate;
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

/** One planned inspection, supervision or self-inspection of a cell or member within a programme. */
@Entity
@Table(name = "inspection_item")
public class InspectionItem extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID programmeId;
    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    @Enumerated(EnumType.STRING)
    public ItemMode mode;
    @Enumerated(EnumType.STRING)
    public TargetType targetType;
    public String targetRef;
    public String targetCellCode;
    public String targetName;
    public String subject;
    public LocalDate plannedFrom;
    public LocalDate plannedTo;
    @Enumerated(EnumType.STRING)
    public ItemStatus status;
    public LocalDate startedOn;
    public LocalDate concludedOn;
    public Boolean violationFound;
    public String remarks;
    public String recommendations;
    public String postponedReason;
    public Integer postponedToYear;
    public String cancelledReason;
    @Version
    public int version;

    public void start(LocalDate on, InspectionProgramme programme) {
        require(ItemStatus.PLANNED, "started");
        requireInYear("startedOn", on, programme);
        status = ItemStatus.IN_PROGRESS;
        startedOn = on;
    }

    public void conclude(LocalDate on, boolean violation, String remarks, String recommendations, InspectionProgramme programme) {
        require(ItemStatus.IN_PROGRESS, "concluded");
        requireInYear("concludedOn", on, programme);
        if (on.isBefore(startedOn)) {
            throw ProblemException.ruleViolated("conclusion-before-start",
                    "the conclusion date " + on + " is before the start " + startedOn,
                    Map.of("concludedOn", on.toString(), "startedOn", startedOn.toString()));
        }
        status = ItemStatus.CONCLUDED;
        concludedOn = on;
        violationFound = violation;
        this.remarks = remarks;
        this.recommendations = recommendations;
    }

    public void postpone(String reason, int toYear, InspectionProgramme programme) {
        requireOpen("postponed");
        if (toYear <= programme.year) {
            throw ProblemException.ruleViolated("postponement-not-to-a-later-year",
                    "an item of the " + programme.year + " programme can only be postponed to a later year, not " + toYear,
                    Map.of("programmeYear", programme.year, "toYear", toYear));
        }
        status = ItemStatus.POSTPONED;
        postponedReason = reason;
        postponedToYear = toYear;
    }

    public void cancel(String reason) {
        requireOpen("cancelled");
        status = ItemStatus.CANCELLED;
        cancelledReason = reason;
    }

    private void require(ItemStatus expected, String action) {
        if (status != expected) {
            throw ProblemException.conflict("item-status",
                    "item " + id + " is " + status + "; only an item " + expected + " can be " + action,
                    Map.of("status", status.name(), "required", expected.name()));
        }
    }

    private void requireOpen(String action) {
        if (!status.open()) {
            throw ProblemException.conflict("item-status",
                    "item " + id + " is " + status + "; only a PLANNED or IN_PROGRESS item can be " + action,
                    Map.of("status", status.name()));
        }
    }

    static void requireInYear(String field, LocalDate date, InspectionProgramme programme) {
        if (!programme.inYear(date)) {
            throw ProblemException.ruleViolated("date-outside-programme-year",
                    field + " " + date + " is outside the programme's year " + programme.year,
                    Map.of("field", field, "date", String.valueOf(date), "programmeYear", programme.year));
        }
    }

    public static void requirePlannedPeriod(LocalDate from, LocalDate to, InspectionProgramme programme) {
        requireInYear("plannedFrom", from, programme);
        requireInYear("plannedTo", to, programme);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("plannedTo", "must not be before plannedFrom " + from);
        }
    }
}
