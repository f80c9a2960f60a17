package vn.binhduong.sct.member.api;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import vn.binhduong.sct.member.api.MemberApi.MemberView;

/**
 * Writes a {@link MemberView} field by field with the REST ObjectMapper's own generator: the same JSON the reflective
 * bean serializer writes (same names, same order, nulls written, dates as ISO strings, enums by name), without its
 * per-property reflection. A member list page writes 50 of them, and with the launcher's C1-only JIT the reflective
 * path was a third of the page's CPU (bench/README.md, issue 16). {@code MemberViewJsonTest} checks the output against
 * the reflective serializer for every field, so a field added to the record and forgotten here fails the build.
 */
public final class MemberViewJson extends StdSerializer<MemberView> {
    public MemberViewJson() {
        super(MemberView.class);
    }

    @Override
    public void serialize(MemberView v, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject(v);
        g.writeFieldName("id");
        g.writeString(v.id() == null ? null : v.id().toString());
        g.writeStringField("organization", v.organization());
        g.writeStringField("cellCode", v.cellCode());
        g.writeStringField("fullName", v.fullName());
        g.writeStringField("gender", v.gender());
        g.writeStringField("ethnicity", v.ethnicity());
        g.writeFieldName("religious");
        if (v.religious() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(v.religious());
        }
        date(g, "dateOfBirth", v.dateOfBirth());
        g.writeStringField("nationalId", v.nationalId());
        g.writeStringField("residence", v.residence());
        g.writeBooleanField("personalDataHidden", v.personalDataHidden());
        g.writeStringField("status", v.status() == null ? null : v.status().name());
        g.writeBooleanField("temporary", v.temporary());
        date(g, "admissionDate", v.admissionDate());
        date(g, "confirmationDate", v.confirmationDate());
        date(g, "earliestConfirmation", v.earliestConfirmation());
        g.writeStringField("partyCardNumber", v.partyCardNumber());
        g.writeStringField("departmentPosition", v.departmentPosition());
        date(g, "onRollSince", v.onRollSince());
        date(g, "leftOn", v.leftOn());
        date(g, "temporarilyAwayUntil", v.temporarilyAwayUntil());
        date(g, "suspendedFrom", v.suspendedFrom());
        date(g, "suspendedUntil", v.suspendedUntil());
        g.writeNumberField("version", v.version());
        g.writeEndObject();
    }

    /** As Jackson's {@code LocalDateSerializer} with WRITE_DATES_AS_TIMESTAMPS off: ISO yyyy-MM-dd (stored years are 1800-2200). */
    private static void date(JsonGenerator g, String name, LocalDate d) throws IOException {
        g.writeStringField(name, d == null ? null : d.toString());
    }
}
