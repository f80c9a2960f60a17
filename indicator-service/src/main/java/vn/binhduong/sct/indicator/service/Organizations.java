package vn.binhduong.sct.indicator.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * The organisation codes figures may be written for, from configuration ({@code sct.organizations}, a list). The
 * default is what the 2021 demo writes ({@code SCT-BD}, the department); a deployment lists its own units. Writes for
 * any other code (values, targets, approvals, imports, validation runs) are refused with a 422, so a typo never
 * creates a phantom organisation; reads of an unknown code just find nothing.
 */
@ApplicationScoped
public class Organizations {
    private final Set<String> known;

    public Organizations(@ConfigProperty(name = "sct.organizations", defaultValue = "SCT-BD") List<String> codes) {
        Set<String> s = new LinkedHashSet<>();
        codes.forEach(c -> s.add(c.strip()));
        this.known = Set.copyOf(s);
    }

    public boolean isKnown(String organization) {
        return organization != null && known.contains(organization);
    }

    /** 422 {@code unknown-organization} unless the code is configured. */
    public void requireKnown(String organization) {
        if (!isKnown(organization)) {
            throw ProblemException.ruleViolated("unknown-organization", "organisation " + organization
                    + " is not known here: figures are recorded only for the configured organisations",
                    Map.of("organization", String.valueOf(organization)));
        }
    }
}
