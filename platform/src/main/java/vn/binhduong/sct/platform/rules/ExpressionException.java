package vn.binhduong.sct.platform.rules;

/** An expression that does not parse; the message names the position. */
public class ExpressionException extends IllegalArgumentException {
    public ExpressionException(String message) {
        super(message);
    }
}
