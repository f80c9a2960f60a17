package vn.binhduong.sct.report;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.ApiFuzz;

/** Bad input through every operation of report-service's OpenAPI document: never a 5xx, every error a problem. */
@QuarkusTest
class ApiFuzzTest {
    @Test
    void badInputThroughEveryOperationIsNeverA5xxAndAlwaysAProblem() {
        ApiFuzz.run();
    }
}
