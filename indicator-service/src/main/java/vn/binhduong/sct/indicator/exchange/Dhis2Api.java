package vn.binhduong.sct.indicator.exchange;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DHIS2 Web API {@code dataValueSets} JSON, as DHIS2 documents it (the fields this platform reads and writes). */
public final class Dhis2Api {
    private Dhis2Api() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "Dhis2DataValueSet", description = "DHIS2 dataValueSets: data values, each with data element, period, "
            + "org unit and value; a period or orgUnit at the top applies to values that omit theirs")
    public record DataValueSet(
            @Schema(description = "DHIS2 data set (ignored on import)") String dataSet,
            @Schema(description = "completion date (ignored on import)") String completeDate,
            @Schema(description = "default period of the values, DHIS2 notation", examples = "2021") String period,
            @Schema(description = "default org unit of the values") String orgUnit,
            @Schema(description = "the data values") List<DataValue> dataValues) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "Dhis2DataValue", description = "One DHIS2 data value")
    public record DataValue(
            @Schema(description = "data element: its UID (idScheme=UID, mapped from the indicator code in "
                    + "configuration) or the indicator code (idScheme=CODE)", examples = "fbfJHSPpUQD") String dataElement,
            @Schema(description = "period in DHIS2 notation: year 2021, quarter 2021Q4, month 202112", examples = "202112") String period,
            @Schema(description = "org unit: its UID (idScheme=UID) or the organisation code (idScheme=CODE)", examples = "ImspTQPwCqd") String orgUnit,
            @Schema(description = "category option combo (only the default is supported: leave it out)") String categoryOptionCombo,
            @Schema(description = "attribute option combo (only the default is supported: leave it out)") String attributeOptionCombo,
            @Schema(description = "the value, as a string of digits with a decimal point, in the indicator's base unit", examples = "31500000000") String value,
            @Schema(description = "who recorded it (export only)") String storedBy,
            @Schema(description = "when it was last changed (export only)") OffsetDateTime lastUpdated,
            @Schema(description = "comment: the value's note") String comment,
            @Schema(description = "follow-up flag (ignored)") Boolean followup) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Dhis2ImportSummary", description = "DHIS2's import summary: status, counts and one conflict per "
            + "data value that was not imported")
    public record ImportSummary(
            @Schema(examples = "ImportSummary") String responseType,
            @Schema(description = "SUCCESS (no conflicts), WARNING (some values imported, some in conflict) or ERROR "
                    + "(nothing imported and conflicts)", examples = "WARNING") String status,
            ImportOptions importOptions, String description, ImportCount importCount, List<Conflict> conflicts) {
    }

    public record ImportOptions(boolean dryRun, String idScheme, String kind) {
    }

    @Schema(name = "Dhis2ImportCount", description = "imported (new), updated, ignored (unchanged or in conflict), deleted (always 0)")
    public record ImportCount(int imported, int updated, int ignored, int deleted) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Dhis2ImportConflict", description = "Why one data value was not imported")
    public record Conflict(
            @Schema(description = "the identifier or text in conflict", examples = "XYZ123") String object,
            @Schema(description = "what is wrong with it", examples = "data element not found") String value,
            @Schema(description = "which field of the data value", examples = "dataElement") String property,
            @Schema(description = "position of the data value in dataValues, from 0") List<Integer> indexes) {
    }
}
