package vn.binhduong.sct.platform.events;

/** Kafka record headers set on every published event, so a consumer can route without parsing the value. */
public final class EventHeaders {
    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String EVENT_VERSION = "event-version";

    private EventHeaders() {
    }
}
