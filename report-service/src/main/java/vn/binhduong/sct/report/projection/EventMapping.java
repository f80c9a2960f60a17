package vn.binhduong.sct.report.projection;

import java.util.List;
import java.util.Map;

/**
 * How one event type feeds figures, read from {@code projection/mappings.json}. Paths name payload fields
 * ({@code a.b}, alternatives {@code a|b}) or envelope fields ({@code $aggregateId}); key templates take
 * {@code ${path}}; a value {@code =1} counts the subject once.
 *
 * @param type       the event type
 * @param each       path of a list in the payload: the mapping applies to each element, its fields over the payload's
 * @param when       payload fields that must equal the given text for the mapping to apply
 * @param year       path of the year (an int, a date, a period); absent with {@code timeless}
 * @param timeless   a current-state fact that belongs to no year (stored under year 0)
 * @param subject    path of the contributing subject's id (default {@code $aggregateId})
 * @param asOf       path of the as-of date
 * @param category   path of the category that splits a summed metric ({@code rating}, {@code kind})
 * @param label      path of a display label kept with the contribution (a cell name, a postponed item's title)
 * @param withdraw   the event withdraws the subject's contributions instead of setting them
 * @param contributions summed metrics this event contributes to
 * @param figures    figures this event states directly
 */
public record EventMapping(String type, String each, Map<String, String> when, String year, Boolean timeless, String subject,
        String asOf, String category, String label, Boolean withdraw, List<Contribution> contributions,
        List<Stated> figures) {

    public record Contribution(String metric, String value, String unit) {
    }

    public record Stated(String key, String value, String text, String unit) {
    }
}
