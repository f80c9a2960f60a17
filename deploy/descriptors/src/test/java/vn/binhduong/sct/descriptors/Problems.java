package vn.binhduong.sct.descriptors;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Collects every mismatch of a check, so that one run names them all. */
final class Problems {
    private final List<String> found = new ArrayList<>();

    void add(String problem) {
        found.add(problem);
    }

    void check(boolean ok, String problem) {
        if (!ok) {
            found.add(problem);
        }
    }

    void assertNone() {
        if (!found.isEmpty()) {
            fail(found.size() + " problem(s):\n  - " + String.join("\n  - ", found));
        }
    }
}
