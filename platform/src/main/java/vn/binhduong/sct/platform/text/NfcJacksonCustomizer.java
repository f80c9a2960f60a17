package vn.binhduong.sct.platform.text;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies at the boundary: every string normalised to NFC and refused when it holds a character no database
 * column can keep (NUL, a lone surrogate); unknown fields refused; no silent coercion of a number or a boolean into a
 * text, nor of a number into a date; dates outside the years 1800 to 2200 refused as typing slips.
 */
@Singleton
public class NfcJacksonCustomizer implements ObjectMapperCustomizer {
    static final int MIN_YEAR = 1800;
    static final int MAX_YEAR = 2200;

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("nfc-strings");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
                        || t == JsonToken.VALUE_FALSE) {
                    return (String) ctxt.handleUnexpectedToken(String.class, p);
                }
                String s = super.deserialize(p, ctxt);
                String bad = Nfc.unstorable(s);
                if (bad != null) {
                    throw new UnstorableValueException(p, "text holds " + bad + ", which cannot be stored", s,
                            String.class);
                }
                return Nfc.of(s);
            }
        });
        module.addDeserializer(LocalDate.class, new LocalDateDeserializer(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE) {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
                }
                LocalDate d = super.deserialize(p, ctxt);
                if (d != null && (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR)) {
                    throw new UnstorableValueException(p, "year " + d.getYear() + " is outside " + MIN_YEAR + "-" + MAX_YEAR,
                            p.getText(), LocalDate.class);
                }
                return d;
            }
        });
        mapper.registerModule(module);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // A misspelt field silently ignored is data lost; say so instead.
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
