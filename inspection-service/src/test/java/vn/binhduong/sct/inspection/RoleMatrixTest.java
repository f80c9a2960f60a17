package vn.binhduong.sct.inspection;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.RoleMatrixCheck;

/** Every operation of the OpenAPI document, with a token of every role, answers as role-matrix.csv says. */
@QuarkusTest
class RoleMatrixTest {
    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        RoleMatrixCheck.verify("role-matrix.csv");
    }
}
