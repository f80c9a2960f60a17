package vn.binhduong.sct.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value that parses but cannot be stored or is out of a sane range; its message is for the client. */
public final class UnstorableValueException extends InvalidFormatException {
    public UnstorableValueException(JsonParser p, String message, Object value, Class<?> target) {
        super(p, message, value, target);
    }
}
