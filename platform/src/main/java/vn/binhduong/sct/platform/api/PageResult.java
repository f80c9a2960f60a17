package vn.binhduong.sct.platform.api;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. Pages count from 0. */
@Schema(description = "One page of a list; pages count from 0")
public record PageResult<T>(
        @Schema(description = "the items of this page") List<T> items,
        @Schema(description = "the page number, from 0") int page,
        @Schema(description = "the page size asked for") int size,
        @Schema(description = "items in the whole list") long total,
        @Schema(description = "pages in the whole list") int totalPages) {

    public static <T> PageResult<T> of(List<T> items, PageParams params, long total) {
        int pages = (int) ((total + params.size - 1) / params.size);
        return new PageResult<>(items, params.page, params.size, total, pages);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
    }
}
