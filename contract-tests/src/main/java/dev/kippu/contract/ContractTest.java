package dev.kippu.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of Kippu's public API (GraphQL over HTTP and WebSocket) that speaks to Kippu only by URL.
 * It takes the {@link KippuApi} of the Kippu under test as a constructor or method parameter; which
 * Kippu that is, {@link KippuUnderTest} decides once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KippuUnderTest.class)
public @interface ContractTest {
}
