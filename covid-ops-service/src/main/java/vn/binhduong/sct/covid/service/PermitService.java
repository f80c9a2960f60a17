package vn.binhduong.sct.covid.service;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.covid.api.PermitResource.IssueRequest;
import vn.binhduong.sct.covid.api.PermitResource.PermitStatistics;
import vn.binhduong.sct.covid.api.PermitResource.PermitView;
import vn.binhduong.sct.covid.api.PermitResource.ReportedPermitTotal;
import vn.binhduong.sct.covid.api.PermitResource.ReportedPermitsRequest;
import vn.binhduong.sct.covid.api.PermitResource.RevocationList;
import vn.binhduong.sct.covid.api.PermitResource.RevokeRequest;
import vn.binhduong.sct.covid.api.PermitResource.Verification;
import vn.binhduong.sct.covid.domain.Es256;
import vn.binhduong.sct.covid.domain.Permit;
import vn.binhduong.sct.covid.domain.PermitKind;
import vn.binhduong.sct.covid.domain.PermitReportedTotal;
import vn.binhduong.sct.covid.domain.PermitStatus;
import vn.binhduong.sct.covid.domain.Rules;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.covid.CovidPayloads;
import vn.binhduong.sct.covid.events.CovidEvents;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * Essential-worker permits with a compact signed token (JWS, ES256) in their QR code, following the EU Digital COVID
 * Certificate pattern (DESIGN.md §9): a checkpoint verifies offline against the published keys and the list of hashed
 * revoked permit ids, or online here.
 */
@ApplicationScoped
public class PermitService {
    public static final String ISSUER = "SCT-BD";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PermitKeys keys;
    private final Outbox outbox;
    private final EntityManager em;
    private final PermitChanges changes;

    private final DataSource dataSource;

    public PermitService(PermitKeys keys, Outbox outbox, EntityManager em, DataSource dataSource, PermitChanges changes) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.keys = keys;
        this.outbox = outbox;
        this.em = em;
    }

    @Transactional
    public PermitView issue(IssueRequest r) {
        if (!r.validUntil().isAfter(r.validFrom())) {
            throw ProblemException.ruleViolated("validity-ends-before-start", "validUntil (" + r.validUntil()
                    + ") must be after validFrom (" + r.validFrom() + ")",
                    Map.of("validFrom", r.validFrom().toString(), "validUntil", r.validUntil().toString()));
        }
        Permit p = new Permit();
        p.id = UUID.randomUUID();
        p.kind = r.kind();
        p.holderName = r.holderName();
        p.company = r.company();
        p.validFrom = r.validFrom();
        p.validUntil = r.validUntil();
        p.status = PermitStatus.ACTIVE;
        p.issuedAt = Instant.now();
        PermitKeys.Signer signer = keys.activeSigner();
        p.kid = signer.kid();
        p.token = sign(p, signer);
        p.persist();
        outbox.record(CovidEvents.PERMIT_ISSUED, CovidEvents.organization(), "permit", p.id.toString(),
                new CovidPayloads.PermitIssued(p.id.toString(), Labelled.map(p.kind, vn.binhduong.sct.contract.covid.PermitKind.class), p.company, p.validFrom, p.validUntil, p.kid));
        return view(p);
    }

    @Transactional
    public PermitView revoke(UUID id, RevokeRequest r) {
        Permit p = get(id);
        if (r.version() != null && r.version() != p.version) {
            throw ProblemException.conflict("stale-version", "permit " + id + " is at version " + p.version
                    + ", not " + r.version(), Map.of("currentVersion", p.version));
        }
        if (p.status == PermitStatus.REVOKED) {
            throw ProblemException.conflict("already-revoked", "permit " + id + " was revoked at " + p.revokedAt);
        }
        // before the commit: from now on this instance's verifications read the row (a rollback only costs row reads)
        changes.revoking(p.id);
        p.status = PermitStatus.REVOKED;
        p.revokedAt = Instant.now();
        p.revokeReason = r.reason();
        outbox.record(CovidEvents.PERMIT_REVOKED, CovidEvents.organization(), "permit", p.id.toString(),
                new CovidPayloads.PermitRevoked(p.id.toString(), Labelled.map(p.kind, vn.binhduong.sct.contract.covid.PermitKind.class), p.company, p.validFrom, p.validUntil,
                        p.revokedAt.toString()));
        em.flush();
        return view(p);
    }

    public Permit get(UUID id) {
        Permit p = Permit.findById(id);
        if (p == null) {
            throw ProblemException.notFound("permit", id);
        }
        return p;
    }

    /**
     * Permits by issue time then id, a keyset page: {@code after} reads on from the previous page's last permit by
     * index range; without it {@code page} still skips by offset. The total is counted only when asked for.
     */
    public KeysetPage<PermitView> list(PageParams page, PermitKind kind, PermitStatus status, String company, String after,
            boolean total) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (kind != null) {
            q.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (company != null) {
            q.append(" and company = :company");
            params.and("company", company);
        }
        Long count = total ? Permit.count(q.toString(), params) : null;
        if (after != null) {
            Cursor c = Cursor.parse(after, 2);
            long micros = c.longValue(0);
            Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            q.append(" and (issuedAt > :afterAt or (issuedAt = :afterAt and id > :afterId))");
            params.and("afterAt", t).and("afterId", c.uuid(1));
        }
        var query = Permit.<Permit>find(q.toString(), Sort.by("issuedAt").and("id"), params);
        List<Permit> rows = query.range(after == null ? page.offset() : 0, (after == null ? page.offset() : 0) + page.size).list();
        return KeysetPage.of(rows, page.size, PermitService::cursorOf, count).map(PermitService::view);
    }

    private static String cursorOf(Permit p) {
        return Cursor.after(p.issuedAt.getEpochSecond() * 1_000_000L + p.issuedAt.getNano() / 1_000, p.id);
    }

    public PermitView view(UUID id) {
        return view(get(id));
    }

    /** Checks a token as a checkpoint would, then against this service's own revocations. */
    public Verification verify(String token) {
        if (token == null || token.isBlank()) {
            return Verification.refused("MALFORMED", "no token given", null);
        }
        String[] parts = token.trim().split("\\.");
        if (parts.length != 3) {
            return Verification.refused("MALFORMED", "a token has three dot-separated parts", null);
        }
        JsonNode header, claims;
        byte[] signature;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IOException | IllegalArgumentException e) {
            return Verification.refused("MALFORMED", "the token is not base64url-encoded JSON", null);
        }
        if (!"ES256".equals(header.path("alg").asText())) {
            return Verification.refused("BAD_SIGNATURE", "only ES256 is accepted, not " + header.path("alg").asText(), null);
        }
        String kid = header.path("kid").asText();
        PermitKeys.KeyState state = kid.isEmpty() ? null : keys.publicKey(kid);
        if (state == null) {
            return Verification.refused("UNKNOWN_KEY", "the token was signed with key '" + printable(kid)
                    + "', which is not among this service's published keys", printable(kid));
        }
        if (state.retiredAt() != null) {
            return Verification.refused("RETIRED_KEY", "the token was signed with key '" + kid + "', retired on "
                    + state.retiredAt() + ": permits signed with it no longer verify; the holder needs a new permit", kid);
        }
        PublicKey key = state.key();
        boolean ok;
        try {
            ok = Es256.verify(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok) {
            return Verification.refused("BAD_SIGNATURE", "the signature does not match the content: the token was altered or signed by someone else", kid);
        }
        UUID id;
        try {
            id = UUID.fromString(claims.path("pid").asText());
        } catch (IllegalArgumentException e) {
            return Verification.refused("MALFORMED", "the token names no permit", kid);
        }
        long now = Instant.now().getEpochSecond();
        // Not revoked, as the revocations heard from the database say (PermitChanges: current to its last round trip,
        // null when it is not): the signed claims are the permit as issued (its kind and validity never change), so
        // the row is not read. A permit that may be revoked, or a doubt, reads the row.
        Permit p = Boolean.FALSE.equals(changes.revoked(id)) ? fromClaims(id, claims) : null;
        if (p == null) {
            p = readRow(id);
            if (p == null) {
                return Verification.refused("UNKNOWN_PERMIT", "permit " + id + " is not in the register", kid);
            }
            if (p.status == PermitStatus.REVOKED) {
                return Verification.of(false, "REVOKED", "permit " + id + " was revoked on " + p.revokedAt, kid, p);
            }
        }
        if (now >= claims.path("exp").asLong()) {
            return Verification.of(false, "EXPIRED", "permit " + id + " was valid until " + p.validUntil, kid, p);
        }
        if (now < claims.path("nbf").asLong()) {
            return Verification.of(false, "NOT_YET_VALID", "permit " + id + " is valid from " + p.validFrom, kid, p);
        }
        return Verification.of(true, "VALID", "signature, validity and revocation checked", kid, p);
    }

    /**
     * The permit as its signed claims state it (kind, first and last valid day, as {@link #sign} wrote them), or null
     * if a claim is missing or not as this service writes it (the row is read instead).
     */
    static Permit fromClaims(UUID id, JsonNode claims) {
        JsonNode kind = claims.get("kind");
        JsonNode nbf = claims.get("nbf");
        JsonNode exp = claims.get("exp");
        if (kind == null || !kind.isTextual() || nbf == null || !nbf.canConvertToLong() || exp == null || !exp.canConvertToLong()) {
            return null;
        }
        Permit p = new Permit();
        p.id = id;
        try {
            p.kind = PermitKind.valueOf(kind.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
        p.validFrom = Instant.ofEpochSecond(nbf.asLong()).atZone(Rules.ZONE).toLocalDate();
        p.validUntil = Instant.ofEpochSecond(exp.asLong()).atZone(Rules.ZONE).toLocalDate().minusDays(1);
        p.status = PermitStatus.ACTIVE;
        return p;
    }

    /** The register's answer for this permit: one indexed row through plain JDBC (no entity, no persistence context). */
    private Permit readRow(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, valid_from, valid_until, status, revoked_at FROM permit WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Permit p = new Permit();
                p.id = id;
                p.kind = PermitKind.valueOf(rs.getString(1));
                p.validFrom = rs.getObject(2, LocalDate.class);
                p.validUntil = rs.getObject(3, LocalDate.class);
                p.status = PermitStatus.valueOf(rs.getString(4));
                java.sql.Timestamp revoked = rs.getTimestamp(5);
                p.revokedAt = revoked == null ? null : revoked.toInstant();
                return p;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the permit register: " + e.getMessage(), e);
        }
    }

    /** A key id as received, shown back without control characters and cut to 64 characters. */
    private static String printable(String kid) {
        String cut = kid.length() > 64 ? kid.substring(0, 64) : kid;
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> b.append(Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                ? "\uFFFD" : Character.toString(c)));
        return b.toString();
    }

    public RevocationList revocations() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM permit WHERE status = 'REVOKED' ORDER BY revoked_at, id")
                .getResultList();
        return new RevocationList("SHA-256", "lower-case hex of SHA-256 over the permit id as lower-case UUID text (UTF-8)",
                Instant.now(), ids.stream().map(PermitService::hash).toList());
    }

    public static String hash(UUID id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] qrPng(UUID id) {
        Permit p = get(id);
        try {
            BitMatrix m = new QRCodeWriter().encode(p.token, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int scale = 4;
            BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the token as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public ReportedPermitTotal report(ReportedPermitsRequest r) {
        Rules.requireNotFuture("asOf", r.asOf());
        if (PermitReportedTotal.count("asOf = ?1 and source = ?2", r.asOf(), r.source()) > 0) {
            throw ProblemException.conflict("duplicate", "a permit total as of " + r.asOf() + " from this source is already stored");
        }
        PermitReportedTotal t = new PermitReportedTotal();
        t.id = UUID.randomUUID();
        t.asOf = r.asOf();
        t.total = r.total();
        t.deliveryWorkers = r.deliveryWorkers();
        t.importExportStaff = r.importExportStaff();
        t.source = r.source();
        t.persist();
        ReportedPermitTotal v = reportedView(t);
        outbox.record(CovidEvents.PERMIT_TOTAL_REPORTED, CovidEvents.organization(), "permit-total", t.id.toString(),
                new CovidPayloads.PermitTotalReported(t.asOf, t.total, byKind(v.byKind()), v.notSplitByKind(), t.source));
        return v;
    }

    public PermitStatistics statistics(LocalDate asOf) {
        LocalDate day = asOf == null ? Rules.today() : asOf;
        Instant end = day.plusDays(1).atStartOfDay(Rules.ZONE).toInstant();
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (PermitKind k : PermitKind.values()) {
            byKind.put(k.name(), Permit.count("kind = ?1 and issuedAt < ?2", k, end));
        }
        long issued = byKind.values().stream().mapToLong(Long::longValue).sum();
        long revoked = Permit.count("revokedAt < ?1", end);
        List<ReportedPermitTotal> reported = PermitReportedTotal.<PermitReportedTotal>list("asOf <= ?1", Sort.by("asOf"), day)
                .stream().map(PermitService::reportedView).toList();
        return new PermitStatistics(day, issued, byKind, revoked, reported);
    }

    /** The stated split with the contract's kinds as keys, in the same order (the same names on the wire). */
    private static Map<vn.binhduong.sct.contract.covid.PermitKind, Integer> byKind(Map<String, Integer> byKind) {
        Map<vn.binhduong.sct.contract.covid.PermitKind, Integer> out = new LinkedHashMap<>();
        byKind.forEach((k, n) -> out.put(vn.binhduong.sct.contract.covid.PermitKind.valueOf(k), n));
        return out;
    }

    private static ReportedPermitTotal reportedView(PermitReportedTotal t) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        if (t.deliveryWorkers != null) {
            byKind.put(PermitKind.DELIVERY_WORKER.name(), t.deliveryWorkers);
        }
        if (t.importExportStaff != null) {
            byKind.put(PermitKind.IMPORT_EXPORT_STAFF.name(), t.importExportStaff);
        }
        int split = byKind.values().stream().mapToInt(Integer::intValue).sum();
        boolean complete = t.deliveryWorkers != null && t.importExportStaff != null;
        return new ReportedPermitTotal(t.asOf, t.total, byKind, t.total - split, !complete || split == t.total, t.source);
    }

    private String sign(Permit p, PermitKeys.Signer signer) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "ES256");
            header.put("kid", p.kid);
            header.put("typ", "JWT");
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("pid", p.id.toString());
            claims.put("kind", p.kind.name());
            claims.put("name", p.holderName);
            claims.put("company", p.company);
            claims.put("iat", p.issuedAt.getEpochSecond());
            claims.put("nbf", p.validFrom.atStartOfDay(Rules.ZONE).toEpochSecond());
            claims.put("exp", p.validUntil.plusDays(1).atStartOfDay(Rules.ZONE).toEpochSecond());
            String input = PermitKeys.b64(JSON.writeValueAsBytes(header)) + "." + PermitKeys.b64(JSON.writeValueAsBytes(claims));
            byte[] sig = Es256.sign(signer.key(), input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + PermitKeys.b64(sig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the permit", e);
        }
    }

    private static PermitView view(Permit p) {
        return new PermitView(p.id, p.kind, p.holderName, p.company, p.validFrom, p.validUntil, p.status, p.kid, p.token,
                p.issuedAt, p.revokedAt, p.revokeReason, p.version);
    }
}
