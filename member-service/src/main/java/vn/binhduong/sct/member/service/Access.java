package vn.binhduong.sct.member.service;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;

/** Who is calling, and what they may see of a member (DESIGN.md §5). */
@RequestScoped
public class Access {
    private final JsonWebToken jwt;

    public Access(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public String actor() {
        return jwt == null || jwt.getName() == null ? "unknown" : jwt.getName();
    }

    private boolean has(String role) {
        return jwt != null && jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    /** Admin and party committee act on every cell. */
    public boolean organizationWide() {
        return has(Roles.ADMIN) || has(Roles.PARTY_COMMITTEE);
    }

    /** The cell code of a cell secretary with no organisation-wide role, or null. */
    public String restrictedToCell() {
        if (organizationWide() || !has(Roles.CELL_SECRETARY)) {
            return null;
        }
        String cell = jwt.getClaim(Roles.CELL_CLAIM);
        return cell == null ? "" : cell;
    }

    /**
     * Sensitive personal data (national ID, date of birth, residence, ethnicity, religion): admin, party committee, the
     * secretary of the member's cell. Inspection committee and integration read member records without it; a viewer and
     * department staff read no member record at all (their endpoints answer 403).
     */
    public boolean seesPersonalData(PartyCell cell) {
        if (organizationWide()) {
            return true;
        }
        return has(Roles.CELL_SECRETARY) && cell.code.equals(jwt.getClaim(Roles.CELL_CLAIM));
    }

    /** The roles the caller holds, comma-separated, for the personal-data access log. */
    public String roles() {
        if (jwt == null || jwt.getGroups() == null) {
            return "";
        }
        return String.join(",", new java.util.TreeSet<>(jwt.getGroups()));
    }

    /**
     * Whether the caller may see data of an organisation: tokens carry no organisation claim, but a cell secretary's
     * names their cell, and the cell belongs to one organisation; other roles act on every organisation.
     */
    public boolean mayRead(java.util.UUID organizationId) {
        String own = restrictedToCell();
        if (own == null) {
            return true;
        }
        return PartyCell.byCode(own).map(c -> c.organizationId.equals(organizationId)).orElse(false);
    }

    /** Refuses a cell secretary reading or writing outside their cell. */
    public void requireCell(PartyCell cell) {
        String own = restrictedToCell();
        if (own != null && !own.equals(cell.code)) {
            throw ProblemException.forbidden("a cell secretary acts on the members of their own cell (" + own + ") only, not "
                    + cell.code);
        }
    }
}
