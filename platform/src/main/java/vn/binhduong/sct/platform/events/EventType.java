package vn.binhduong.sct.platform.events;

import java.util.Objects;

/**
 * A published event type and the version of its payload. The version is bumped only on an incompatible change;
 * adding a field is compatible (consumers are tolerant readers).
 */
public record EventType(String name, int version) {
    public EventType {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("event type names look like 'member.admitted': " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public static EventType of(String name, int version) {
        return new EventType(name, version);
    }
}
