package dev.kippu.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A contract test over WebSocket at {@code /graphql}. A runtime that holds no WebSockets (Lambda
 * behind an HTTP API or a Function URL, where clients poll instead) runs the suite without them:
 * {@code excludedGroups=websocket}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("websocket")
public @interface OverWebSocket {
}
