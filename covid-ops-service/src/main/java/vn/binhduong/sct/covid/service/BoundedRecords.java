package vn.binhduong.sct.covid.service;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Bounds the records of an upload while it streams, before any parser holds them.
 *
 * <p>{@link Csv} sits between the request body and commons-csv: it follows the quoting as commons-csv's RFC 4180
 * lexer reads it (a quote opens a quoted field only as its first character; a record ends at a line break outside
 * quotes; {@code ""} inside quotes is one quote), so it knows where each record starts (its physical line) and how
 * long it is. A record longer than the limit is cut: the rest of it is skipped in the input,
 * the parser receives the kept prefix closed (a closing quote if one is open, then a line break), and the record is
 * marked too long, so the upload rejects it as a row and goes on with the next one. The parser never sees more than
 * the limit per record, whatever arrives. A byte-order mark is dropped only as the very first character. Every record
 * the parser will return has one {@link Rec} in {@link #records()}, in order (blank lines included), holding its
 * first physical line and the first 500 characters of its raw text.
 *
 * <p>{@link Lines} does the same for NDJSON, where a record is one physical line.
 */
final class BoundedRecords {
    static final int CONTENT_KEPT = 500;

    /** One record as it arrived: where it starts, its raw text (cut to 500 characters), and whether it was cut. */
    static final class Rec {
        final long line;
        final StringBuilder raw = new StringBuilder(64);
        boolean tooLong;

        Rec(long line) {
            this.line = line;
        }

        String content() {
            return raw.toString();
        }
    }

    static final class Csv extends Reader {
        /** Where the reader stands in the current field, as commons-csv's RFC 4180 lexer (lenient) reads it. */
        private static final int FIELD_START = 0, UNQUOTED = 1, QUOTED = 2, QUOTE_SEEN = 3, TRAILING = 4;

        private final Reader in;
        private final int limit;
        private final char[] buf = new char[1 << 16];
        private int pos, end;
        private boolean eof, started;
        private long line = 1;
        private int state = FIELD_START;
        private boolean prevCr, dropLf;
        private int recordLen;
        private Rec current;
        private final ArrayDeque<Rec> records = new ArrayDeque<>();
        /** Characters to hand out before reading on: the closing of a cut record. */
        private final StringBuilder pending = new StringBuilder(2);

        Csv(Reader in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        /** Records started so far and not yet taken, oldest first. */
        ArrayDeque<Rec> records() {
            return records;
        }

        private int next() throws IOException {
            if (pos == end) {
                if (eof) {
                    return -1;
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    eof = true;
                    return -1;
                }
                pos = 0;
                end = n;
            }
            return buf[pos++];
        }

        /**
         * Moves the quoting state on by one character, as the lexer does: a quote opens a quoted field only as the
         * field's first character; inside, {@code ""} is a quote and a lone one closes it; what follows a closing quote
         * up to the delimiter is kept as text (trailing data); a quote anywhere else is text. True when the character
         * ends the record: a line break (LF, or CR) outside quotes.
         */
        private boolean ends(char ch) {
            switch (state) {
                case QUOTED -> {
                    if (ch == '"') {
                        state = QUOTE_SEEN;
                    }
                    return false;
                }
                case FIELD_START, QUOTE_SEEN -> {
                    if (ch == '"') {
                        state = QUOTED; // opens the field, or the second quote of "" inside it
                        return false;
                    }
                }
                default -> {
                }
            }
            if (ch == ',') {
                state = FIELD_START;
                return false;
            }
            if (ch == '\n' || ch == '\r') {
                state = FIELD_START;
                return true;
            }
            if (state == FIELD_START) {
                state = UNQUOTED;
            } else if (state == QUOTE_SEEN) {
                state = TRAILING;
            }
            return false;
        }

        @Override
        public int read(char[] out, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (pending.length() > 0) {
                    out[off + n++] = pending.charAt(0);
                    pending.deleteCharAt(0);
                    continue;
                }
                int c = next();
                if (c < 0) {
                    break;
                }
                char ch = (char) c;
                if (!started) {
                    started = true;
                    if (ch == '\uFEFF') {
                        continue;
                    }
                }
                if (dropLf) {
                    dropLf = false;
                    if (ch == '\n') {
                        continue; // the LF of a CRLF that ended a cut record: the parser already has its line break
                    }
                }
                if (ch == '\n' && prevCr) {
                    // the LF of a CRLF: counted, and the quoting state moved, at the CR
                    prevCr = false;
                    out[off + n++] = ch;
                    continue;
                }
                prevCr = false;
                if (current == null) {
                    current = new Rec(line);
                    records.add(current);
                    recordLen = 0;
                }
                if (ch == '\n' || ch == '\r') {
                    line++;
                    prevCr = ch == '\r';
                }
                int before = state;
                if (ends(ch)) {
                    current = null;
                    out[off + n++] = ch;
                    continue;
                }
                if (recordLen >= limit) {
                    cut(before == QUOTED);
                    continue;
                }
                recordLen++;
                if (current.raw.length() < CONTENT_KEPT) {
                    current.raw.append(ch);
                }
                out[off + n++] = ch;
            }
            return n == 0 ? -1 : n;
        }

        /**
         * The record went past the limit (the character that did is not handed out): skips the rest of it in the
         * input, and closes what the parser holds: a quote if it is inside a quoted field, then a line break.
         */
        private void cut(boolean parserInQuotes) throws IOException {
            current.tooLong = true;
            int c;
            while ((c = next()) >= 0) {
                char x = (char) c;
                if (x == '\n' && prevCr) {
                    prevCr = false;
                    continue;
                }
                prevCr = false;
                if (x == '\n' || x == '\r') {
                    line++;
                    prevCr = x == '\r';
                }
                if (ends(x)) {
                    break;
                }
            }
            dropLf = prevCr;
            prevCr = false;
            state = FIELD_START;
            if (parserInQuotes) {
                pending.append('"');
            }
            pending.append('\n');
            current = null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** NDJSON: one record a physical line, at most {@code limit} characters; a longer line is skipped and marked. */
    static final class Lines {
        private final Reader in;
        private final int limit;
        private final char[] buf = new char[1 << 16];
        private int pos, end;
        private boolean eof, started, cut;
        private long line;
        private final StringBuilder text = new StringBuilder(256);

        Lines(Reader in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        /**
         * The next line without its line break, or null at the end. A line longer than the limit comes back cut to
         * 500 characters with {@link #tooLong()} true; the rest of it was skipped unread into memory.
         */
        String next() throws IOException {
            text.setLength(0);
            cut = false;
            boolean any = false;
            while (true) {
                if (pos == end) {
                    if (eof) {
                        break;
                    }
                    int n = in.read(buf, 0, buf.length);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    pos = 0;
                    end = n;
                }
                char ch = buf[pos++];
                if (!started) {
                    started = true;
                    if (ch == '\uFEFF') {
                        continue;
                    }
                }
                any = true;
                if (ch == '\n') {
                    line++;
                    int l = text.length();
                    if (l > 0 && text.charAt(l - 1) == '\r') {
                        text.setLength(l - 1);
                    }
                    return text.toString();
                }
                if (cut) {
                    continue;
                }
                if (text.length() >= limit) {
                    cut = true;
                    text.setLength(Math.min(text.length(), CONTENT_KEPT));
                    continue;
                }
                text.append(ch);
            }
            if (!any) {
                return null;
            }
            line++;
            return text.toString();
        }

        boolean tooLong() {
            return cut;
        }

        /** The physical line of the last line returned, from 1. */
        long lineNumber() {
            return line;
        }
    }

    private BoundedRecords() {
    }
}
