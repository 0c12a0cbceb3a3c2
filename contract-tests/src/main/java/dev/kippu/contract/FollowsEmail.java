package dev.kippu.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A contract test that follows e-mail from the API to SES, through the outbox relay and the e-mail
 * worker. A target that does not run those beside the API leaves it out: {@code excludedGroups=email}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("email")
public @interface FollowsEmail {
}
