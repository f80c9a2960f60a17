package vn.binhduong.sct.covid;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.ApiFuzz;

/** Bad input through every operation of the OpenAPI document: never a 5xx, every error a problem. */
@QuarkusTest
class ApiFuzzTest {
    @Test
    void badInputNeverGivesA5xxOrANonProblemError() {
        ApiFuzz.run();
    }
}
