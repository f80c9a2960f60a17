package vn.binhduong.sct.covid.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.covid.domain.Permit;
import vn.binhduong.sct.covid.domain.PermitKind;
import vn.binhduong.sct.covid.domain.PermitStatus;
import vn.binhduong.sct.covid.service.PermitKeys;
import vn.binhduong.sct.covid.service.PermitService;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/permits")
@Tag(name = "permits", description = "Essential-worker permits (Giấy xác nhận nhân viên giao hàng thiết yếu) with signed QR tokens")
public class PermitResource {
    public record IssueRequest(
            @Schema(description = "permit kind", examples = "DELIVERY_WORKER") @NotNull PermitKind kind,
            @Schema(description = "holder's full name (synthetic in demo data)", examples = "Nguyễn Văn An") @NotBlank @Size(max = 200) String holderName,
            @Schema(description = "the holder's company", examples = "Công ty TNHH Giao Hàng Nhanh") @NotBlank @Size(max = 300) String company,
            @Schema(description = "first valid day", examples = "2021-09-15") @NotNull LocalDate validFrom,
            @Schema(description = "last valid day, after validFrom", examples = "2021-10-15") @NotNull LocalDate validUntil) {
    }

    public record RevokeRequest(
            @Schema(description = "why the permit is revoked", examples = "Người lao động nghỉ việc") @NotBlank @Size(max = 500) String reason,
            @Schema(description = "the version read; 409 if the permit changed since", examples = "0") Integer version) {
    }

    @Schema(description = "A permit with its signed token (holder data: department staff, admin and the party committee only)")
    public record PermitView(@Schema(description = "permit id") UUID id, @Schema(description = "kind") PermitKind kind,
            @Schema(description = "holder's name") String holderName, @Schema(description = "company") String company,
            @Schema(description = "first valid day") LocalDate validFrom, @Schema(description = "last valid day") LocalDate validUntil,
            @Schema(description = "ACTIVE or REVOKED") PermitStatus status, @Schema(description = "signing key id") String kid,
            @Schema(description = "compact JWS (ES256) carried by the QR code") String token,
            @Schema(description = "issued") Instant issuedAt, @Schema(description = "revoked") Instant revokedAt,
            @Schema(description = "revocation reason") String revokeReason, @Schema(description = "version") int version) {
    }

    @Schema(description = "Outcome of a verification")
    public record Verification(@Schema(description = "true only for VALID") boolean valid,
            @Schema(description = "VALID, EXPIRED, NOT_YET_VALID, REVOKED, BAD_SIGNATURE, UNKNOWN_KEY, RETIRED_KEY (signed with a key an admin retired), UNKNOWN_PERMIT, MALFORMED") String status,
            @Schema(description = "plain-words reason") String reason, @Schema(description = "key id of the token") String kid,
            @Schema(description = "permit id, once the signature holds") UUID permitId,
            @Schema(description = "kind") PermitKind kind, @Schema(description = "first valid day") LocalDate validFrom,
            @Schema(description = "last valid day") LocalDate validUntil) {
        public static Verification refused(String status, String reason, String kid) {
            return new Verification(false, status, reason, kid, null, null, null, null);
        }

        public static Verification of(boolean valid, String status, String reason, String kid, Permit p) {
            return new Verification(valid, status, reason, kid, p.id, p.kind, p.validFrom, p.validUntil);
        }
    }

    @Schema(description = "JWK set (RFC 7517) of the permit signing keys not retired: the active one and those that still verify older permits")
    public record JwkSet(@Schema(description = "public keys") List<PermitKeys.Jwk> keys) {
    }

    @Schema(description = "Hashed ids of revoked permits, for offline checkpoints")
    public record RevocationList(@Schema(description = "hash algorithm", examples = "SHA-256") String algorithm,
            @Schema(description = "what is hashed") String hashOf, @Schema(description = "when this list was made") Instant generatedAt,
            @Schema(description = "hex hashes") List<String> hashes) {
    }

    public record ReportedPermitsRequest(
            @Schema(description = "cumulative to this date", examples = "2021-12-04") @NotNull LocalDate asOf,
            @Schema(description = "permits issued as stated", examples = "1646") @NotNull @PositiveOrZero Integer total,
            @Schema(description = "of which delivery workers (shipper), as stated", examples = "1478") @PositiveOrZero Integer deliveryWorkers,
            @Schema(description = "of which import-export staff, as stated", examples = "158") @PositiveOrZero Integer importExportStaff,
            @Schema(description = "where it is stated") @NotBlank @Size(max = 500) String source) {
    }

    @Schema(description = "A permit total as a document states it")
    public record ReportedPermitTotal(@Schema(description = "as of") LocalDate asOf, @Schema(description = "total as stated") int total,
            @Schema(description = "split by kind as stated") Map<String, Integer> byKind,
            @Schema(description = "total minus the stated split (10 in the 2021 report)") int notSplitByKind,
            @Schema(description = "false when the stated split does not add up to the stated total") boolean splitConsistent,
            @Schema(description = "source") String source) {
    }

    @Schema(description = "Permits to a date: issued through this service, and as reported")
    public record PermitStatistics(@Schema(description = "as of (inclusive)") LocalDate asOf,
            @Schema(description = "permits issued through this service") long issued,
            @Schema(description = "issued through this service, by kind") Map<String, Long> issuedByKind,
            @Schema(description = "revoked") long revoked,
            @Schema(description = "totals reported by documents (aggregates with no individual records)") List<ReportedPermitTotal> reported) {
    }

    private final PermitService service;
    private final PermitKeys keys;

    public PermitResource(PermitService service, PermitKeys keys) {
        this.service = service;
        this.keys = keys;
    }

    @POST
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Issue a permit with a signed token; validUntil after validFrom; publishes permit.issued")
    public Response issuePermit(@Valid @NotNull IssueRequest request) {
        PermitView v = service.issue(request);
        return Response.created(URI.create("/api/v1/permits/" + v.id())).entity(v).build();
    }

    @GET
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Permits by issue time then id, filtered by kind, status, company. Keyset pages: pass the previous "
            + "page's 'next' as 'after' (an index range scan); 'page' still skips by offset when 'after' is absent. The total "
            + "is counted only with total=true")
    public KeysetPage<PermitView> listPermits(@BeanParam @Valid PageParams page,
            @Parameter(description = "permit kind") @QueryParam("kind") PermitKind kind,
            @Parameter(description = "ACTIVE or REVOKED") @QueryParam("status") PermitStatus status,
            @Parameter(description = "company, as issued") @QueryParam("company") String company,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after,
            @Parameter(description = "count the whole filtered list (one extra query)") @QueryParam("total") @DefaultValue("false") boolean total) {
        return service.list(page, kind, status, company, after, total);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "One permit with its holder data and token")
    public PermitView getPermit(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @POST
    @Path("{id}/revocation")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Revoke a permit with a reason; its token fails verification from then on; publishes permit.revoked")
    public PermitView revokePermit(@PathParam("id") UUID id, @Valid @NotNull RevokeRequest request) {
        return service.revoke(id, request);
    }

    @GET
    @Path("{id}/qr.png")
    @Produces("image/png")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "The permit's token as a QR code (PNG)")
    public byte[] getPermitQrCode(@PathParam("id") UUID id) {
        return service.qrPng(id);
    }

    @GET
    @Path("verify")
    @PermitAll
    @Operation(summary = "Public: verify a permit token (signature, key, validity, revocation); always 200 with the outcome and a reason")
    public Verification verifyPermitToken(@QueryParam("token") String token) {
        return service.verify(token);
    }

    @GET
    @Path("keys")
    @PermitAll
    @Operation(summary = "Public: the JWK set of the permit signing keys, for offline verification")
    public JwkSet getPermitKeySet() {
        return new JwkSet(keys.jwks());
    }

    @GET
    @Path("revocations")
    @PermitAll
    @Operation(summary = "Public: SHA-256 hashes of revoked permit ids, for offline verification")
    public RevocationList getPermitRevocations() {
        return service.revocations();
    }

    @POST
    @Path("reported-totals")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Store a permit total as a document reports it (an aggregate: no individual permits); publishes permit-total.reported")
    public Response reportPermitTotal(@Valid @NotNull ReportedPermitsRequest request) {
        return Response.status(201).entity(service.report(request)).build();
    }

    @GET
    @Path("statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Permits to a date: issued here by kind, revoked, and the totals documents report (no holder data)")
    public PermitStatistics getPermitStatistics(@QueryParam("asOf") LocalDate asOf) {
        return service.statistics(asOf);
    }

    @GET
    @Path("signing-keys")
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Admin: every permit signing key (active, still verifying, retired) with the permits it signed; never the private part")
    public List<PermitKeys.SigningKeyView> listSigningKeys() {
        return keys.keys();
    }

    @POST
    @Path("signing-keys")
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Admin: rotate the signing key. A new key (stored encrypted) signs every permit from now on; the previous keys stay published and keep verifying their permits until retired")
    public Response rotateSigningKey() {
        PermitKeys.SigningKeyView k = keys.rotate();
        return Response.created(URI.create("/api/v1/permits/signing-keys/" + k.kid())).entity(k).build();
    }

    @POST
    @Path("signing-keys/{kid}/retirement")
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Admin: retire a signing key that no longer signs (409 for the active key: rotate first). It leaves the JWK set and every permit it signed fails verification with RETIRED_KEY")
    public PermitKeys.SigningKeyView retireSigningKey(
            @Parameter(description = "key id, as in the JWK set and the token header") @PathParam("kid") String kid) {
        return keys.retire(kid);
    }
}
