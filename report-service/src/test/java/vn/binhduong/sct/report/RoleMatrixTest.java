package vn.binhduong.sct.report;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.RoleMatrixCheck;

/** Every operation of report-service with a token of every role answers as src/test/resources/role-matrix.csv says. */
@QuarkusTest
class RoleMatrixTest {
    @Test
    void everyOperationAnswersEveryRoleAsTheRoleMatrixSays() {
        RoleMatrixCheck.verify("role-matrix.csv");
    }
}
