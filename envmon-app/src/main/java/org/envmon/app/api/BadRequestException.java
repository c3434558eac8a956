package org.envmon.app.api;

import java.util.function.Function;
import org.envmon.model.InvalidRequest;

/** A request the API cannot answer as asked (its parameters); rendered as 400 problem+json like every {@link InvalidRequest}. */
public class BadRequestException extends InvalidRequest {
    public BadRequestException(String message) {
        super(message);
    }

    /** An optional code parsed by {@code parse}: null where absent or blank; 400 with the parser's message if unknown. */
    public static <T> T parseOptional(String code, Function<String, T> parse) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return parse.apply(code);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
