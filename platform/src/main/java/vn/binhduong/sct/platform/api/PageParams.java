package vn.binhduong.sct.platform.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.panache.common.Page;

/** {@code ?page=0&size=20}: use with {@code @BeanParam @Valid PageParams page}. */
public class PageParams {
    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "pages count from 0")
    @Parameter(description = "page number, from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = 500, message = "must be at most 500")
    @Parameter(description = "items per page, 1 to 500")
    public int size;

    public PageParams() {
    }

    public PageParams(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public Page toPage() {
        return Page.of(page, size);
    }

    public int offset() {
        return page * size;
    }
}
