package vn.binhduong.sct.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is configured by one property: {@code sct.tracing.otlp-endpoint} (system property, or environment
 * {@code SCT_TRACING_OTLP_ENDPOINT}), the URL of an OTLP collector (gRPC, e.g. {@code http://otel-collector:4317}).
 * Set, the OpenTelemetry SDK is on and exports spans there; unset, the SDK is off (no spans, no exporter retrying a
 * collector that is not there). Quarkus's own properties ({@code quarkus.otel.*} in application.properties, the
 * environment or system properties) rank above this source and can still set anything directly, e.g. a test turning
 * the SDK on with an in-memory exporter.
 *
 * <p>Ordinal 150: above the platform's defaults (META-INF/microprofile-config.properties, 100), below a service's
 * application.properties (250), the environment (300) and system properties (400).
 */
public class TracingConfigSource implements ConfigSource {
    static final String ENDPOINT_PROPERTY = "sct.tracing.otlp-endpoint";
    static final String ENDPOINT_ENV = "SCT_TRACING_OTLP_ENDPOINT";

    private final Map<String, String> values;

    public TracingConfigSource() {
        this(endpointFromSystem());
    }

    TracingConfigSource(String endpoint) {
        Map<String, String> v = new HashMap<>();
        boolean on = endpoint != null && !endpoint.isBlank();
        v.put("quarkus.otel.sdk.disabled", Boolean.toString(!on));
        if (on) {
            v.put("quarkus.otel.exporter.otlp.traces.endpoint", endpoint.trim());
        }
        this.values = Map.copyOf(v);
    }

    private static String endpointFromSystem() {
        String endpoint = System.getProperty(ENDPOINT_PROPERTY);
        return endpoint != null ? endpoint : System.getenv(ENDPOINT_ENV);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "sct-tracing";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
