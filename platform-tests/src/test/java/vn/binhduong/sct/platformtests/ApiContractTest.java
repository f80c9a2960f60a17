package vn.binhduong.sct.platformtests;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.ApiFuzz;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.RoleMatrixCheck;

/** The role matrix and the bad-input fuzz over every operation of the platform's test service. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)
class ApiContractTest {
    @Test
    void everyOperationAnswersEachRoleAsTheMatrixSays() {
        RoleMatrixCheck.verify("role-matrix.csv");
    }

    @Test
    void badInputThroughEveryOperationGetsAProblemNeverA5xx() {
        ApiFuzz.run();
    }
}
