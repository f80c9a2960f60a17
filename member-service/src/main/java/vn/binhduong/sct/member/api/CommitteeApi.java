package vn.binhduong.sct.member.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.member.domain.CommitteeKind;
import vn.binhduong.sct.member.domain.Position;

/** Request and response records of the committee endpoints. */
public final class CommitteeApi {
    private CommitteeApi() {
    }

    @Schema(description = "A committee for a term")
    public record CommitteeRequest(
            @Schema(description = "EXECUTIVE (BCH), STANDING (BTV), INSPECTION (UBKT), or CELL (chi ủy of the cell named by cellCode)", examples = "EXECUTIVE") @NotNull CommitteeKind kind,
            @Schema(description = "first year of the term", examples = "2020") @NotNull @Min(1930) @Max(2100) Integer termStartYear,
            @Schema(description = "last year of the term", examples = "2025") @NotNull @Min(1930) @Max(2100) Integer termEndYear,
            @Schema(description = "number of seats", examples = "11") @NotNull @Min(1) @Max(100) Integer seats,
            @Schema(description = "the cell, for a CELL committee (its secretary and deputy); absent for the organisation's committees", examples = "CB4") @jakarta.validation.constraints.Size(max = 40) String cellCode) {
    }

    @Schema(description = "A member taking a seat with a position")
    public record SeatRequest(
            @Schema(description = "member id") @NotNull UUID memberId,
            @Schema(description = "SECRETARY, DEPUTY_SECRETARY, INSPECTION_CHAIR, INSPECTION_DEPUTY_CHAIR or MEMBER (a CELL committee: SECRETARY, DEPUTY_SECRETARY, MEMBER)", examples = "DEPUTY_SECRETARY") @NotNull Position position,
            @Schema(description = "since", examples = "2020-07-15") @NotNull LocalDate since) {
    }

    @Schema(description = "A member leaving a seat")
    public record VacateRequest(
            @Schema(description = "until", examples = "2021-06-30") @NotNull LocalDate until) {
    }

    @Schema(description = "A seat")
    public record SeatView(UUID id, UUID memberId, String memberName, String cellCode, Position position, LocalDate since,
            LocalDate until, int version) {
    }

    @Schema(description = "A committee and its current seats")
    public record CommitteeView(UUID id, String organization,
            @Schema(description = "the cell of a CELL committee, null for the organisation's") String cellCode, CommitteeKind kind,
            int termStartYear, int termEndYear, int seats,
            @Schema(description = "seats currently held") int seatsFilled, List<SeatView> members, int version) {
    }

    @Schema(description = "All positions a member holds at present, across committees")
    public record MemberPositionView(UUID committeeId, CommitteeKind committeeKind, int termStartYear, Position position,
            LocalDate since, @Schema(description = "the cell of a CELL committee") String cellCode) {
    }
}
