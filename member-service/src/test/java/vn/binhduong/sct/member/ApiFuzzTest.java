package vn.binhduong.sct.member;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.ApiFuzz;

/** Bad input through every operation of member-service: never a 5xx, every error a problem+json body. */
@QuarkusTest
class ApiFuzzTest {
    @Test
    void badInputThroughEveryOperationGetsA4xxProblemNeverA5xx() {
        ApiFuzz.run();
    }
}
