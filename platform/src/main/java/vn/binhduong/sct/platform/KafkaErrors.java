package vn.binhduong.sct.platform;

/** What a Kafka client's failure means for health and logs, for the relay and the inbox alike. */
public final class KafkaErrors {
    private KafkaErrors() {
    }

    /** An authentication (SASL, TLS) or authorisation (ACL) refusal somewhere in the causes, not an unreachable broker. */
    public static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.AuthenticationException
                    || t instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return true;
            }
        }
        return false;
    }
}
