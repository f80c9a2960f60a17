package vn.binhduong.sct.platformtests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** The span exporter of the tests: spans stay in memory, where {@link TracingTest} reads them. */
@ApplicationScoped
public class InMemoryTracing {
    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
