package vn.binhduong.sct.report.api;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.platform.api.PageParams;

/**
 * One page of a report-service list, read by offset ({@code page}/{@code size}: {@code page}, {@code total} and
 * {@code totalPages} present, as before) or by cursor ({@code after}/{@code size}: {@code page} and {@code totalPages}
 * absent, {@code total} only with {@code total=true}). {@code next} is the cursor after the last item in both modes,
 * absent on the last page. The fields of the offset mode are those of the platform's PageResult, so clients that read
 * pages by number see the same document.
 */
@Schema(description = "One page of a list, by offset (page/size: page, total and totalPages present) or by cursor (after/size:"
        + " page and totalPages absent, total only with total=true); next is the cursor after the last item, absent on the last page")
public record ListPage<T>(
        @Schema(description = "the items of this page") List<T> items,
        @Schema(description = "the page number from 0, in offset mode; absent when read by cursor", nullable = true) Integer page,
        @Schema(description = "the page size asked for") int size,
        @Schema(description = "items in the whole list: always in offset mode, with total=true by cursor", nullable = true) Long total,
        @Schema(description = "pages in the whole list, in offset mode", nullable = true) Integer totalPages,
        @Schema(description = "cursor to pass as after for the following page; absent on the last page", nullable = true) String next) {

    /** Offset mode: {@code items} is the page {@code params} names, {@code total} the count of the whole list. */
    static <T> ListPage<T> ofOffset(List<T> items, PageParams params, long total, Function<T, String> cursorOf) {
        boolean more = !items.isEmpty() && (long) params.offset() + items.size() < total;
        return new ListPage<>(items, params.page, params.size, total, (int) ((total + params.size - 1) / params.size),
                more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }

    /**
     * Cursor mode: {@code rowsPlusOne} holds up to {@code size + 1} items in list order, the extra one only saying that a
     * next page exists; {@code total} is null unless asked for.
     */
    static <T> ListPage<T> ofCursor(List<T> rowsPlusOne, int size, Function<T, String> cursorOf, Long total) {
        boolean more = rowsPlusOne.size() > size;
        List<T> items = more ? List.copyOf(rowsPlusOne.subList(0, size)) : rowsPlusOne;
        return new ListPage<>(items, null, size, total, null, more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }
}
