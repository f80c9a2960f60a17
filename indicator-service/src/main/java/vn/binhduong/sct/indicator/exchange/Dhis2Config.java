package vn.binhduong.sct.indicator.exchange;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The mapping between the platform's codes and a DHIS2 instance's identifiers, from configuration:
 * {@code sct.dhis2.data-elements.EXPORT=fbfJHSPpUQD} (indicator code → data element UID) and
 * {@code sct.dhis2.org-units.SCT-BD=ImspTQPwCqd} (organisation code → org unit UID). Configuration, not a table: the
 * ids belong to one DHIS2 deployment (like its URL), change only when that instance's metadata does, are few (tens of
 * indicators, a handful of units) and are reviewed with the deployment; a table would need its own API, roles and
 * audit for no gain. Without a mapping, exchange with {@code idScheme=CODE} uses the platform's codes as DHIS2 codes.
 */
@ConfigMapping(prefix = "sct.dhis2")
public interface Dhis2Config {
    @WithName("data-elements")
    Map<String, String> dataElements();

    @WithName("org-units")
    Map<String, String> orgUnits();
}
