package vn.binhduong.sct.covid;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.RoleMatrixCheck;

/** Every operation of the OpenAPI document against src/test/resources/role-matrix.csv, with a token of each role. */
@QuarkusTest
class RoleMatrixTest {
    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() {
        RoleMatrixCheck.verify("role-matrix.csv");
    }
}
