package org.envmon.app;

import java.util.Objects;

/**
 * Who is acting: the operator's name as recorded in the trail and, once authentication arrives, the
 * authenticated principal. Passed explicitly through services, never taken from a global.
 */
public record Actor(String operator, String principal) {
    public Actor {
        Objects.requireNonNull(operator, "operator");
    }

    public static Actor named(String operator) {
        return new Actor(operator, null);
    }
}
