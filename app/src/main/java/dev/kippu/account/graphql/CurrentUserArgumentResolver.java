package dev.kippu.account.graphql;

import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

import dev.kippu.account.CurrentUser;
import dev.kippu.common.Unauthenticated;
import dev.kippu.platform.graphql.Caller;
import graphql.schema.DataFetchingEnvironment;

/**
 * Lets controller methods declare the caller: {@code CurrentUser user} requires a signed-in user,
 * {@code @Nullable CurrentUser user} accepts anonymous callers too.
 */
@Component
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        CurrentUser user = Caller.principal(environment.getGraphQlContext()) instanceof CurrentUser caller ? caller : null;
        if (user == null && !parameter.isOptional()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        return user;
    }
}
