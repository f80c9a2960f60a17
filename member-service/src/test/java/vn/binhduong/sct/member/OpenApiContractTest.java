package vn.binhduong.sct.member;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.testing.OpenApiContractCheck;

/** The stored OpenAPI document (docs/openapi/member-service.json) is the contract: nothing in it may break. */
@QuarkusTest
class OpenApiContractTest {
    @Test
    void theServedDocumentKeepsEveryOperationAndFieldOfTheStoredOne() {
        OpenApiContractCheck.verify(Path.of("../docs/openapi/member-service.json"));
    }
}
