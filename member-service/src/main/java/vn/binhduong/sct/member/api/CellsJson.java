package vn.binhduong.sct.member.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

/**
 * The cells of a year with their ratings, already serialised (a JSON array of {@link EvaluationApi.CellRatingView}
 * written by the REST ObjectMapper): an organisation's cell list is the same for every request until a cell is rated
 * or registered, so it is serialised once per change instead of once per request.
 */
public final class CellsJson implements JsonSerializable {
    private final String json;

    public CellsJson(String json) {
        this.json = json;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }

    @Override
    public String toString() {
        return json;
    }
}
