package vn.binhduong.sct.inspection.api;

import io.quarkus.security.identity.SecurityIdentity;
import vn.binhduong.sct.platform.security.Roles;

/**
 * Who sees the names of persons (penalised individuals, individuals inspected): the roles that record them
 * (department-staff), read everything (party-committee) or may do everything (admin). Other readers (integration,
 * inspection-committee where it reads these records) get the record with the person's name left out; names of
 * businesses stay. A finer rule than the role matrix: the same operation answers both, with different fields.
 */
final class PersonalData {
    private PersonalData() {
    }

    static boolean namesVisible(SecurityIdentity caller) {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.PARTY_COMMITTEE) || caller.hasRole(Roles.DEPARTMENT_STAFF);
    }
}
