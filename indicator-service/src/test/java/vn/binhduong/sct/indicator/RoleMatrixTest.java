package vn.binhduong.sct.indicator;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.RoleMatrixCheck;

/** Every operation of the OpenAPI document, with a token of each role, against src/test/resources/role-matrix.csv. */
@QuarkusTest
class RoleMatrixTest {
    @Test
    void everyOperationAnswersEachRoleAsTheMatrixSays() {
        RoleMatrixCheck.verify("role-matrix.csv");
    }
}
