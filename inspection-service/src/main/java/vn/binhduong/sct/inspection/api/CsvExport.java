package vn.binhduong.sct.inspection.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A streamed CSV download: RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted, quotes doubled),
 * UTF-8 with one byte-order mark at the very start (so Excel reads the Vietnamese right), a header row, then the rows
 * the {@link Rows} writes chunk by chunk; nothing is held in memory beyond one chunk.
 */
final class CsvExport {
    static final String MEDIA_TYPE = "text/csv";
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    /** Writes the rows, calling {@link Sink#row} once per record; may flush between chunks. */
    @FunctionalInterface
    interface Rows {
        void write(Sink sink) throws IOException;
    }

    interface Sink {
        void row(Object... values) throws IOException;

        void flush() throws IOException;
    }

    private CsvExport() {
    }

    static Response of(String filename, String[] header, Rows rows) {
        StreamingOutput body = os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 64 * 1024);
            w.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(w, FORMAT);
            printer.printRecord(Arrays.asList(header));
            rows.write(new Sink() {
                @Override
                public void row(Object... values) throws IOException {
                    printer.printRecord(Arrays.stream(values).map(CsvExport::cell).toList());
                }

                @Override
                public void flush() throws IOException {
                    printer.flush();
                }
            });
            printer.flush();
        };
        return Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof java.util.Collection<?> c) {
            return String.join(";", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
