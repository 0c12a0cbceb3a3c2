package dev.kippu.platform.graphql;

import graphql.GraphQLContext;

/**
 * Who sent a GraphQL operation, as the transport's authentication found them, in the operation's
 * GraphQL context: the principal of the verified token, or nothing for an anonymous caller. What
 * the principal is belongs to the feature that makes it (the account's {@code CurrentUser}).
 */
public final class Caller {

    static final String KEY = Caller.class.getName();

    private Caller() {
    }

    /** The caller's principal, or {@code null} if the operation came without a (valid) token. */
    public static Object principal(GraphQLContext context) {
        return context.get(KEY);
    }
}
