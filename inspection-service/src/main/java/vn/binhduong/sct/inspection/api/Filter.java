package vn.binhduong.sct.inspection.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a Panache where-clause from the query parameters that were given, skipping the absent ones. */
final class Filter {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    Filter eq(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
        return this;
    }

    String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    Map<String, Object> params() {
        return params;
    }
}
