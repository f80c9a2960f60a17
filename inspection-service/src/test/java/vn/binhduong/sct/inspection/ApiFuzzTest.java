package vn.binhduong.sct.inspection;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.ApiFuzz;

/** Bad input through every operation: never a 5xx, every error a problem. */
@QuarkusTest
class ApiFuzzTest {
    @Test
    void badInputThroughEveryOperationGetsA4xxProblem() {
        ApiFuzz.run();
    }
}
