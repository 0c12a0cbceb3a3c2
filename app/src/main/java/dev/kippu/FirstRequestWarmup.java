package dev.kippu;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Readiness that means what it says. Spring Boot reports the application ready to take traffic
 * (the readiness probe's UP) only once the application runners have run; this runner first does
 * what the first requests would otherwise pay for: a GraphQL query through the whole engine that
 * reads the table (classes loaded and linked, the connection to DynamoDB opened), and the user
 * pool's signing keys fetched (the first signed-in request's token check). Best effort: a failure
 * is logged, and the health checks say what is down.
 */
@Component
class FirstRequestWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRequestWarmup.class);
    private static final String QUERY = "query warmUp { events(first: 1) { edges { node { id title seatsRemaining } } } }";
    /** Well-formed and RS256, with a key id the pool does not have: checking it makes the decoder fetch the pool's keys. */
    private static final String TOKEN_WITH_AN_UNKNOWN_KEY = base64Url("{\"alg\":\"RS256\",\"kid\":\"warm-up\"}") + "." + base64Url("{}") + ".AA";

    private final ExecutionGraphQlService graphQl;
    /** Absent where nothing serves HTTP (a context started without a web server). */
    private final ObjectProvider<JwtDecoder> tokens;

    /** Off where the query is not the process's to make (Lambda's e-mail worker, whose role reads nothing). Read here, not a bean condition, which Spring AOT would fix at build time. */
    private final boolean enabled;

    FirstRequestWarmup(ExecutionGraphQlService graphQl, ObjectProvider<JwtDecoder> tokens, @Value("${kippu.warm-up.enabled:true}") boolean enabled) {
        this.graphQl = graphQl;
        this.tokens = tokens;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try {
            ExecutionGraphQlResponse response = graphQl.execute(new DefaultExecutionGraphQlRequest(QUERY, "warmUp", Map.of(), Map.of(), "warm-up", Locale.ENGLISH))
                    .block(Duration.ofSeconds(20));
            if (response == null || !response.isValid() || !response.getErrors().isEmpty()) {
                log.warn("Warming up: the events query failed: {}", response == null ? "no response" : response.getErrors());
            }
        } catch (RuntimeException e) {
            log.warn("Warming up: the events query failed: {}", e.toString());
        }
        tokens.ifAvailable(decoder -> {
            try {
                decoder.decode(TOKEN_WITH_AN_UNKNOWN_KEY);
            } catch (JwtException expected) {
                // refused, as it must be; the keys are fetched and cached
            }
        });
        log.info("Warmed up for the first requests in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
