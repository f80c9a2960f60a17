package vn.binhduong.sct.platform.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An arithmetic expression over named figures: numbers ({@code 12}, {@code 1.5}), names ({@code EXPORT},
 * {@code MARKET.URBAN}, or any text in braces {@code #{code-with-dashes}}), {@code + - * /} (also {@code × ÷ −}),
 * unary minus and parentheses. Parsed once, evaluated many times. Domain-free: the caller decides what a name means.
 */
public final class Expression {
    /** Decimal arithmetic used by every evaluation: 16 significant digits, enough for VND totals in the quadrillions. */
    public static final MathContext MATH = MathContext.DECIMAL64;

    private final String text;
    private final Node root;
    private final Set<String> names;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
        Set<String> found = new LinkedHashSet<>();
        root.collect(found);
        this.names = Collections.unmodifiableSet(found);
    }

    /** Parses {@code text}; throws {@link ExpressionException} with the position of the first error. */
    public static Expression parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser p = new Parser(text);
        Node node = p.expression();
        p.skipSpace();
        if (!p.atEnd()) {
            throw new ExpressionException("unexpected '" + p.peek() + "' at position " + (p.pos + 1) + " in: " + text);
        }
        return new Expression(text.strip(), node);
    }

    public String text() {
        return text;
    }

    /** The names of the figures this expression reads, in order of first appearance. */
    public Set<String> names() {
        return names;
    }

    /**
     * The value with every name looked up in {@code figures}; a name absent from the map (or mapped to null) counts as
     * {@code missingAs}, or makes the result null when {@code missingAs} is null. Division by zero gives null.
     */
    public BigDecimal evaluate(Map<String, BigDecimal> figures, BigDecimal missingAs) {
        try {
            return root.eval(figures, missingAs);
        } catch (Undefined e) {
            return null;
        }
    }

    /** The value, or null when a figure is missing or a division by zero occurs. */
    public BigDecimal evaluate(Map<String, BigDecimal> figures) {
        return evaluate(figures, null);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Undefined extends RuntimeException {
        Undefined() {
            super(null, null, false, false);
        }
    }

    private interface Node {
        BigDecimal eval(Map<String, BigDecimal> figures, BigDecimal missingAs);

        default void collect(Set<String> names) {
        }
    }

    private record Num(BigDecimal value) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures, BigDecimal missingAs) {
            return value;
        }
    }

    private record Name(String name) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures, BigDecimal missingAs) {
            BigDecimal v = figures.get(name);
            if (v == null) {
                v = missingAs;
            }
            if (v == null) {
                throw new Undefined();
            }
            return v;
        }

        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    private record Neg(Node inner) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures, BigDecimal missingAs) {
            return inner.eval(figures, missingAs).negate();
        }

        public void collect(Set<String> names) {
            inner.collect(names);
        }
    }

    private record Bin(char op, Node left, Node right) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> figures, BigDecimal missingAs) {
            BigDecimal l = left.eval(figures, missingAs);
            BigDecimal r = right.eval(figures, missingAs);
            return switch (op) {
                case '+' -> l.add(r, MATH);
                case '-' -> l.subtract(r, MATH);
                case '*' -> l.multiply(r, MATH);
                default -> {
                    if (r.signum() == 0) {
                        throw new Undefined();
                    }
                    yield l.divide(r, MATH);
                }
            };
        }

        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }

    /** Recursive descent: expression = term (('+'|'-') term)*; term = factor (('*'|'/') factor)*; factor = ['-'|'+'] atom. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        char op() {
            skipSpace();
            if (atEnd()) {
                return 0;
            }
            return switch (peek()) {
                case '+' -> '+';
                case '-', '\u2212', '\u2013' -> '-';
                case '*', '\u00d7' -> '*';
                case '/', '\u00f7', ':' -> '/';
                default -> 0;
            };
        }

        Node expression() {
            Node left = term();
            for (char op = op(); op == '+' || op == '-'; op = op()) {
                pos++;
                left = new Bin(op, left, term());
            }
            return left;
        }

        Node term() {
            Node left = factor();
            for (char op = op(); op == '*' || op == '/'; op = op()) {
                pos++;
                left = new Bin(op, left, factor());
            }
            return left;
        }

        Node factor() {
            char op = op();
            if (op == '-') {
                pos++;
                return new Neg(factor());
            }
            if (op == '+') {
                pos++;
                return factor();
            }
            return atom();
        }

        Node atom() {
            skipSpace();
            if (atEnd()) {
                throw new ExpressionException("expression ends where a number, a name or '(' is expected: " + s);
            }
            char c = peek();
            if (c == '(') {
                pos++;
                Node inner = expression();
                skipSpace();
                if (atEnd() || peek() != ')') {
                    throw new ExpressionException("missing ')' at position " + (pos + 1) + " in: " + s);
                }
                pos++;
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (!atEnd() && (Character.isDigit(peek()) || peek() == '.')) {
                    pos++;
                }
                try {
                    return new Num(new BigDecimal(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw new ExpressionException("bad number '" + s.substring(start, pos) + "' at position " + (start + 1)
                            + " in: " + s);
                }
            }
            if (c == '#' && pos + 1 < s.length() && s.charAt(pos + 1) == '{') {
                int end = s.indexOf('}', pos + 2);
                if (end < 0) {
                    throw new ExpressionException("missing '}' after position " + (pos + 1) + " in: " + s);
                }
                String name = s.substring(pos + 2, end).strip();
                if (name.isEmpty()) {
                    throw new ExpressionException("empty name #{} at position " + (pos + 1) + " in: " + s);
                }
                pos = end + 1;
                return new Name(name);
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.')) {
                    pos++;
                }
                return new Name(s.substring(start, pos));
            }
            throw new ExpressionException("unexpected '" + c + "' at position " + (pos + 1) + " in: " + s);
        }
    }
}
