package vn.binhduong.sct.member.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.member.domain.EvaluationYear;
import vn.binhduong.sct.member.domain.Rating;
import vn.binhduong.sct.member.domain.RuleSet;

/** Request and response records of the evaluation endpoints. */
public final class EvaluationApi {
    private EvaluationApi() {
    }

    @Schema(description = "Open a year's evaluation; the rule set is the one in force for the year")
    public record OpenYearRequest(
            @Schema(description = "year", examples = "2021") @NotNull @Min(2019) @Max(2100) Integer year,
            @Schema(description = "date the evaluation is held; members admitted less than 6 months before it are not rated. Defaults to 31 December", examples = "2021-12-20") LocalDate evaluationDate) {
    }

    @Schema(description = "Ratings of members by their cells")
    public record MemberRatingsRequest(
            @Schema(description = "one entry per member") @NotEmpty @Size(max = 1000) List<@Valid @NotNull Entry> ratings) {
        @Schema(description = "one member's rating")
        public record Entry(
                @Schema(description = "member id") @NotNull UUID memberId,
                @Schema(description = "EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED", examples = "GOOD") @NotNull Rating rating,
                @Schema(description = "100-point score, required by scored rule sets (QĐ 366 from 2025)", examples = "85") @Min(0) @Max(100) Integer score,
                @Schema(description = "remark") @Size(max = 1000) String note) {
        }
    }

    @Schema(description = "A rating of a cell or of the organisation itself")
    public record RatingRequest(
            @Schema(description = "EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED", examples = "GOOD") @NotNull Rating rating) {
    }

    @Schema(description = "A cell's rating for the year")
    public record CellRatingRequest(
            @Schema(description = "cell code", examples = "CB2") @NotBlank String cellCode,
            @Schema(description = "EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED", examples = "EXCELLENT") @NotNull Rating rating) {
    }

    @Schema(description = "Reopening a finalised year is audited: say why")
    public record ReopenRequest(
            @Schema(description = "why the year is reopened", examples = "Đảng ủy khối yêu cầu xét lại xếp loại Chi bộ 3") @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(description = "A member's rating")
    public record MemberRatingView(UUID memberId, String cellCode, Rating rating, Integer score, String note, int version) {
    }

    @Schema(description = "One page of a year's member ratings read by cursor; pass next as after for the following page")
    public record MemberRatingPage(
            @Schema(description = "the ratings of this page") List<MemberRatingView> items,
            @Schema(description = "the page size asked for") int size,
            @Schema(description = "cursor of the next page, absent on the last page", nullable = true) String next,
            @Schema(description = "ratings in the whole filtered list, with total=true", nullable = true) Long total) {
    }

    @Schema(description = "A cell's rating")
    public record CellRatingView(String cellCode, String cellName, Rating rating) {
    }

    @Schema(description = "An audited act on the year")
    public record AuditView(String action, String actor, String reason, OffsetDateTime at) {
    }

    @Schema(description = "A year's evaluation with its counts")
    public record YearView(
            @Schema(description = "organisation code") String organization,
            @Schema(description = "year") int year,
            @Schema(description = "rule set in force", examples = "HD21_2019") RuleSet ruleSet,
            @Schema(description = "date of the evaluation") LocalDate evaluationDate,
            @Schema(description = "OPEN or FINALIZED (locked)") EvaluationYear.Status status,
            @Schema(description = "members on the official roll at the evaluation date") int membersOnRoll,
            @Schema(description = "members to be rated (not admitted within 6 months, not suspended)") int eligibleMembers,
            @Schema(description = "members rated") int ratedMembers,
            @Schema(description = "not rated: admitted less than 6 months before") int notRatedAdmittedRecently,
            @Schema(description = "not rated: suspended") int notRatedSuspended,
            @Schema(description = "members by rating") Map<String, Integer> membersByRating,
            @Schema(description = "members rated good or excellent") int goodOrBetter,
            @Schema(description = "most members the rule set lets be rated excellent (20% of good-or-better)") int maxExcellent,
            @Schema(description = "cells by rating") Map<String, Integer> cellsByRating,
            @Schema(description = "each cell's rating, by cell code", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = CellRatingView.class) CellsJson cells,
            @Schema(description = "the organisation's self-rating") Rating organizationRating,
            @Schema(description = "finalised at") OffsetDateTime finalizedAt,
            @Schema(description = "finalisations and reopenings") List<AuditView> audit,
            @Schema(description = "optimistic-lock version") int version) {
    }
}
