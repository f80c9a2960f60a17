package vn.binhduong.sct.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DemoScriptTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void placeholdersTakeValuesFromEarlierResponses() throws Exception {
        Map<String, JsonNode> saved = Map.of("org", json.readTree("{\"id\":\"u-1\",\"cells\":[{\"code\":\"CB1\"}],\"n\":60}"));
        JsonNode body = json.readTree("{\"org\":\"${org.id}\",\"path\":\"/x/${org.cells[0].code}/y\",\"count\":\"${org.n}\"}");
        JsonNode out = DemoScript.substitute(body, saved);
        assertEquals("u-1", out.get("org").asText());
        assertEquals("/x/CB1/y", out.get("path").asText());
        assertEquals(60, out.get("count").asInt());
        assertEquals(true, out.get("count").isNumber());
    }

    @Test
    void anUnknownPlaceholderIsAClearError() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DemoScript.substitute(json.readTree("\"${nope.id}\""), Map.of()));
        assertEquals("no earlier step named 'nope'", e.getMessage());
    }
}
