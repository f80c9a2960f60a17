package vn.binhduong.sct.platform.api;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list read by keyset ({@code ?after=<cursor>&size=}): the items, and the cursor to pass as
 * {@code after} for the next page ({@code null} on the last page). The total is not counted on every page: it is
 * present only where the list keeps it or the client asked for it ({@code total=true}).
 */
@Schema(description = "One page of a list read by cursor; pass 'next' as 'after' for the following page")
public record KeysetPage<T>(
        @Schema(description = "the items of this page") List<T> items,
        @Schema(description = "the page size asked for") int size,
        @Schema(description = "cursor of the next page, absent on the last page", nullable = true) String next,
        @Schema(description = "items in the whole list, when kept or asked for with total=true", nullable = true) Long total) {

    /**
     * Builds a page from up to {@code size + 1} rows read in list order: the extra row only says that a next page
     * exists. {@code cursorOf} gives the cursor after an item.
     */
    public static <T> KeysetPage<T> of(List<T> rowsPlusOne, int size, Function<T, String> cursorOf, Long total) {
        boolean more = rowsPlusOne.size() > size;
        List<T> items = more ? rowsPlusOne.subList(0, size) : rowsPlusOne;
        String next = more ? cursorOf.apply(items.get(items.size() - 1)) : null;
        return new KeysetPage<>(List.copyOf(items), size, next, total);
    }

    public <R> KeysetPage<R> map(Function<T, R> mapper) {
        return new KeysetPage<>(items.stream().map(mapper).toList(), size, next, total);
    }
}
