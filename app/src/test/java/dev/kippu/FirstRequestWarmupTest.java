package dev.kippu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;

import reactor.core.publisher.Mono;

/** What runs before the readiness probe says UP, with fakes for the GraphQL engine and the token decoder. */
class FirstRequestWarmupTest {

    private final List<String> queries = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    private final ExecutionGraphQlService recording = request -> {
        queries.add(request.getDocument());
        return Mono.error(new IllegalStateException("recorded only"));
    };
    private final ObjectProvider<JwtDecoder> decoder = new StaticListableBeanFactory(Map.of("jwtDecoder", (JwtDecoder) token -> {
        tokens.add(token);
        throw new BadJwtException("no such key");
    })).getBeanProvider(JwtDecoder.class);

    @Test
    void aQueryThatReadsTheTableRunsAndTheDecoderIsMadeToFetchThePoolsKeys() throws Exception {
        new FirstRequestWarmup(recording, decoder, true).run(new DefaultApplicationArguments());

        assertThat(queries).singleElement().asString().contains("events(first: 1)");
        assertThat(tokens).singleElement().satisfies(token -> {
            JWSObject jws = JWSObject.parse(token);
            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(jws.getHeader().getKeyID()).isNotBlank();
        });
    }

    @Test
    void switchedOffItMakesNoCall() throws Exception {
        new FirstRequestWarmup(recording, decoder, false).run(new DefaultApplicationArguments());

        assertThat(queries).isEmpty();
        assertThat(tokens).isEmpty();
    }

    @Test
    void aWarmUpThatFailsDoesNotStopTheStart() {
        ExecutionGraphQlService unreachable = request -> {
            throw new IllegalStateException("the table is unreachable");
        };
        assertThatNoException().isThrownBy(() -> new FirstRequestWarmup(unreachable, decoder, true).run(new DefaultApplicationArguments()));
    }
}
