package vn.binhduong.sct.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What counts as a breaking change of a stored OpenAPI document, and what does not. */
class OpenApiContractCheckTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode doc(String memberFields, String params) throws Exception {
        return JSON.readTree("""
                {"paths": {"/api/v1/members/{id}": {"get": {"operationId": "getMember",
                  "parameters": [%s],
                  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}}}}}},
                 "components": {"schemas": {"Member": {"type": "object", "properties": {%s}}}}}
                """.formatted(params, memberFields));
    }

    static final String ID = "{\"name\": \"id\", \"in\": \"path\", \"required\": true}";

    @Test
    void aRemovedOrRetypedResponseFieldBreaksTheContract() throws Exception {
        JsonNode before = doc("\"name\": {\"type\": \"string\"}, \"cell\": {\"type\": \"string\"}", ID);
        List<String> removed = OpenApiContractCheck.compare(before, doc("\"name\": {\"type\": \"string\"}", ID));
        assertEquals(1, removed.size(), removed.toString());
        assertTrue(removed.get(0).contains("response field cell is gone"), removed.toString());
        List<String> retyped = OpenApiContractCheck.compare(before,
                doc("\"name\": {\"type\": \"integer\"}, \"cell\": {\"type\": \"string\"}", ID));
        assertTrue(retyped.get(0).contains("field name was string, is integer"), retyped.toString());
    }

    @Test
    void additionsPassAndANewRequiredParameterDoesNot() throws Exception {
        JsonNode before = doc("\"name\": {\"type\": \"string\"}", ID);
        assertEquals(List.of(), OpenApiContractCheck.compare(before,
                doc("\"name\": {\"type\": \"string\"}, \"religion\": {\"type\": \"boolean\"}", ID + ", {\"name\": \"x\", \"in\": \"query\"}")));
        List<String> required = OpenApiContractCheck.compare(before,
                doc("\"name\": {\"type\": \"string\"}", ID + ", {\"name\": \"x\", \"in\": \"query\", \"required\": true}"));
        assertTrue(required.get(0).contains("new required parameter query:x"), required.toString());
        List<String> gone = OpenApiContractCheck.compare(before, JSON.readTree("{\"paths\": {}}"));
        assertTrue(gone.get(0).contains("the operation is gone"), gone.toString());
    }
}
