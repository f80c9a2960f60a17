package vn.binhduong.sct.contract;

import java.util.Objects;

/**
 * One published event type: its name on the wire, its payload version and the record its payload is.
 *
 * @param type     the event type, e.g. {@code member.training-recorded}
 * @param version  the payload version; bumped only on an incompatible change
 * @param payload  the payload record
 * @param producer the service that publishes it
 */
public record EventContract(String type, int version, Class<? extends Record> payload, String producer) {
    public EventContract {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(producer, "producer");
    }
}
