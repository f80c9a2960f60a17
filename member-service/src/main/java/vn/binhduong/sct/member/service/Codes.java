package vn.binhduong.sct.member.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;

/**
 * The codes of organisations and cells, kept in memory for the member lists (issue 16: a page read the organisation
 * by code and its members' cells by id from the database on every request). Safe to keep without expiry because a
 * code never changes and nothing is ever deleted: an organisation's and a cell's code are set when they are created
 * and no command changes or removes them (OrganizationService.create, createCell; update keeps the code). Only what
 * was read as committed is kept (lists read outside any transaction), and an unknown code is never kept, so a code
 * registered after a miss is found on the next request. If a command ever renames or removes a code, it must clear
 * this cache (and every instance's).
 */
@ApplicationScoped
public class Codes {
    /** Organisation and cell: id and organisation id by code. */
    public record Unit(UUID id, UUID organizationId, String code) {
    }

    private final OrganizationService organizations;
    private final Map<String, Unit> organizationsByCode = new ConcurrentHashMap<>();
    private final Map<String, Unit> cellsByCode = new ConcurrentHashMap<>();
    private final Map<UUID, String> cellCodes = new ConcurrentHashMap<>();

    public Codes(OrganizationService organizations) {
        this.organizations = organizations;
    }

    /** The organisation of this code, or a 404 problem (as {@link OrganizationService#get}). */
    public Unit organization(String code) {
        Unit u = organizationsByCode.get(code);
        if (u == null) {
            PartyOrganization o = organizations.get(code);
            u = new Unit(o.id, o.id, o.code);
            organizationsByCode.put(code, u);
        }
        return u;
    }

    /** The cell of this code, or a 404 problem (as {@link OrganizationService#cell}). */
    public Unit cell(String code) {
        Unit u = cellsByCode.get(code);
        if (u == null) {
            PartyCell c = organizations.cell(code);
            u = new Unit(c.id, c.organizationId, c.code);
            cellsByCode.put(code, u);
            cellCodes.put(c.id, c.code);
        }
        return u;
    }

    /**
     * The codes of these cells, those not kept yet read with one statement on {@code c} (the cells of members just
     * read, so they exist).
     */
    public Map<UUID, String> cellCodes(Connection c, Collection<UUID> cellIds) throws SQLException {
        List<UUID> missing = new ArrayList<>();
        for (UUID id : cellIds) {
            if (!cellCodes.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code FROM party_cell WHERE id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", missing.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cellCodes.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
        }
        return cellCodes;
    }
}
