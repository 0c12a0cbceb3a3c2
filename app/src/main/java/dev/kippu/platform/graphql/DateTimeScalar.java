package dev.kippu.platform.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * {@code DateTime}: ISO-8601 with an offset, as AppSync's AWSDateTime. Read into an {@link Instant};
 * written in UTC with milliseconds ({@code 2026-12-24T18:00:00.000Z}).
 */
final class DateTimeScalar {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 date and time with offset, e.g. 2026-12-24T18:00:00+09:00")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return FORMAT.format(instant);
                    }
                    throw new CoercingSerializeException("Expected an Instant but got " + value.getClass().getSimpleName());
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return parse(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("A DateTime is a string such as 2026-12-24T18:00:00+09:00.");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue text) {
                        return parse(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("A DateTime is a string such as 2026-12-24T18:00:00+09:00.");
                }
            })
            .build();

    private DateTimeScalar() {
    }

    private static <E extends RuntimeException> Instant parse(String text, Function<String, E> failure) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw failure.apply("'" + text + "' is not an ISO-8601 date and time with offset, e.g. 2026-12-24T18:00:00+09:00.");
        }
    }
}
