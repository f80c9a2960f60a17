package vn.binhduong.sct.member.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.member.api.MemberApi.PersonalDataReadView;
import vn.binhduong.sct.member.service.PersonalDataLog;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/personal-data-reads")
@Tag(name = "personal data access log", description = "Who was served which member's sensitive personal data, when, through which operation")
public class PersonalDataReadResource {
    private final PersonalDataLog log;

    public PersonalDataReadResource(PersonalDataLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The personal-data access log, admins only: one entry per member per answer (the entries of one answer share its id, in order of position) that carried the member's national ID,"
            + " date of birth, residence, ethnicity or religion (never the data itself), oldest first, read by cursor (after/size);"
            + " the total only with total=true")
    @APIResponse(responseCode = "400", description = "bad parameter or cursor (problem+json)")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not an admin")
    public KeysetPage<PersonalDataReadView> listPersonalDataReads(
            @Parameter(description = "only the reads of this member") @QueryParam("member") UUID member,
            @Parameter(description = "first day (local time, Asia/Ho_Chi_Minh), inclusive", example = "2021-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "last day (local time, Asia/Ho_Chi_Minh), inclusive", example = "2021-12-31") @QueryParam("to") LocalDate to,
            @Parameter(description = "the next of the previous page; absent for the first page") @QueryParam("after") String after,
            @Parameter(description = "entries per page, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "must be at least 1")
            @Max(value = 500, message = "must be at most 500") int size,
            @Parameter(description = "also count the entries matching the filters") @QueryParam("total") @DefaultValue("false") boolean total) {
        return log.reads(member, from, to, after, size, total).map(e -> new PersonalDataReadView(e.id(), e.at(), e.subject(), e.roles(),
                e.memberId(), e.operation(), e.endpoint(), e.position()));
    }
}
