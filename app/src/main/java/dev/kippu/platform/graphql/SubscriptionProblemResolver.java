package dev.kippu.platform.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import dev.kippu.common.Problem;
import graphql.GraphQLError;

/**
 * {@link ProblemResolver} for subscriptions. What a subscription's resolver throws, before its
 * stream starts (a draft of someone else: {@code NOT_FOUND}) or after, reaches Spring GraphQL's
 * subscription exception resolvers, not the data fetcher ones; without this one it would end in
 * an uncoded "Subscription error". The client gets a graphql-transport-ws {@code error} message.
 */
@Component
class SubscriptionProblemResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionProblemResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown) {
        Problem problem = ProblemResolver.problemIn(thrown);
        if (problem != null) {
            return ProblemResolver.code(problem).error(problem.getMessage());
        }
        log.error("Unexpected failure in a subscription", thrown);
        return ErrorCode.INTERNAL.error("Something went wrong on our side; subscribe again later.");
    }
}
