package vn.binhduong.sct.member.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.MemberStatus;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.service.Access;
import vn.binhduong.sct.member.service.MemberService;
import vn.binhduong.sct.member.service.OrganizationService;
import vn.binhduong.sct.member.service.PersonalDataLog;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations/{org}/members.csv")
@Tag(name = "members", description = "Members (đảng viên) and their lifecycle: admission, confirmation, transfers, removal, death")
public class MemberExportResource {
    static final List<String> COLUMNS = List.of("id", "organization", "cellCode", "fullName", "gender", "status", "temporary",
            "admissionDate", "confirmationDate", "partyCardNumber", "departmentPosition", "onRollSince", "leftOn");
    static final List<String> PERSONAL = List.of("ethnicity", "religious", "dateOfBirth", "nationalId", "residence");

    private final MemberService service;
    private final OrganizationService organizations;
    private final Access access;
    private final PersonalDataLog log;
    /** Members read per statement while streaming: a keyset range scan each, so the export never holds the whole list. */
    private final int chunkSize;

    public MemberExportResource(MemberService service, OrganizationService organizations, Access access, PersonalDataLog log,
            @ConfigProperty(name = "sct.members.export-chunk", defaultValue = "1000") int chunkSize) {
        this.chunkSize = chunkSize;
        this.service = service;
        this.organizations = organizations;
        this.access = access;
        this.log = log;
    }

    @GET
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "The member list as CSV (RFC 4180, UTF-8 with a byte-order mark at the start, CRLF line ends), in the list's order"
            + " (full name, id) and with its filters, streamed. The personal columns (ethnicity, religious, dateOfBirth, nationalId,"
            + " residence) only for admin, party committee and a cell secretary (whose export is their own cell), each member exported"
            + " with them recorded in the personal-data access log; inspection committee and integration get the file without those"
            + " columns; a viewer and department staff none (403)")
    @APIResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "bad parameter (problem+json)")
    @APIResponse(responseCode = "403", description = "not for a viewer or department staff; a cell secretary's filter outside their cell")
    @APIResponse(responseCode = "404", description = "no such organisation or cell")
    public Response exportMembersCsv(@PathParam("org") String org,
            @Parameter(description = "cell code") @QueryParam("cell") String cell,
            @Parameter(description = "status") @QueryParam("status") MemberStatus status,
            @Parameter(description = "part of the name") @QueryParam("name") String name) {
        String orgCode = organizations.get(org).code;
        // the first chunk is read before the answer starts, so a bad filter is a problem answer, not a cut-off file
        List<Member> first = service.keyset(org, cell, status, name, null, chunkSize, false).rows();
        boolean withPersonal = access.organizationWide() || access.restrictedToCell() != null;
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write('\uFEFF');
            List<String> header = new ArrayList<>(COLUMNS);
            if (withPersonal) {
                header.addAll(PERSONAL);
            }
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                Map<UUID, PartyCell> cells = new HashMap<>();
                List<Member> rows = first;
                while (true) {
                    boolean more = rows.size() > chunkSize;
                    List<Member> chunk = more ? rows.subList(0, chunkSize) : rows;
                    List<UUID> served = new ArrayList<>();
                    for (Member m : chunk) {
                        PartyCell c = cells.computeIfAbsent(m.cellId, id -> PartyCell.findById(id));
                        boolean personal = withPersonal && access.seesPersonalData(c);
                        List<Object> record = new ArrayList<>(List.of(m.id, orgCode, c.code, m.fullName, nz(m.gender), m.status,
                                m.temporary, m.admissionDate, nz(m.confirmationDate), nz(m.partyCardNumber), nz(m.departmentPosition),
                                m.onRollSince, nz(m.leftOn)));
                        if (withPersonal) {
                            record.addAll(personal ? List.of(nz(m.ethnicity), m.religious, nz(m.dateOfBirth), nz(m.nationalId), nz(m.residence))
                                    : List.of("", "", "", "", ""));
                            if (personal) {
                                served.add(m.id);
                            }
                        }
                        csv.printRecord(record);
                    }
                    // logged before the chunk leaves the buffer
                    log.served("exportMembersCsv", "GET /api/v1/organizations/{org}/members.csv", served);
                    csv.flush();
                    if (!more) {
                        break;
                    }
                    Member.getEntityManager().clear();
                    rows = service.keyset(org, cell, status, name, MemberService.cursorOf(chunk.get(chunk.size() - 1)), chunkSize, false).rows();
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members-" + orgCode + ".csv\"").build();
    }

    private static Object nz(Object v) {
        return v == null ? "" : v;
    }
}
