package vn.binhduong.sct.platform.text;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Escapes control characters in every value logged through a format parameter, so a request path or a field holding
 * a line break cannot write a forged line into the service log. Configured for the console and file handlers.
 */
@LoggingFilter(name = "sct-log-safe")
public final class LogSafeFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] params = record.getParameters();
        if (params != null) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof CharSequence || params[i] instanceof java.net.URI) {
                    params[i] = LogSafe.of(params[i]);
                }
            }
        }
        return true;
    }
}
