package dev.kippu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The web's static export ({@code web/out}) at {@code /} of the local stack, on the origin of
 * {@code /graphql}, answered as the CloudFront distribution answers from its bucket
 * (deploy-shared's {@code WebDistribution}): {@code /a/} is {@code /a/index.html}, {@code /a}
 * (no file of that name) redirects to {@code /a/}, and a missing page is the export's
 * {@code 404.html} with status 404, for GET and HEAD. {@code /config.json}, which the shared stack's {@code WebConfig}
 * output is in AWS, points the site at this stack: {@code /graphql} on this origin, live seats over
 * its WebSocket, and the Cognito stand-in's pool. Every other route of the application comes first.
 */
@TestConfiguration(proxyBeanMethods = false)
class LocalWebsite {

    static final String NOT_FOUND_PAGE = "404.html";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RouterFunction<ServerResponse> website(@Value("${kippu.local.website:../web/out}") String folder, Environment settings) {
        Path export = Path.of(folder).toAbsolutePath().normalize();
        Map<String, String> config = config(settings);
        // HEAD as well: before it prefetches a page, the exported site's router asks whether it exists with one
        RequestPredicate read = RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD);
        return RouterFunctions.route()
                .route(read.and(RequestPredicates.path("/config.json")), request -> ServerResponse.ok().cacheControl(CacheControl.noCache()).body(config))
                .route(read.and(RequestPredicates.path("/**")), request -> page(export, request))
                .build();
    }

    static Map<String, String> config(Environment settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("graphqlUrl", "/graphql");
        config.put("live", "/graphql");
        config.put("region", settings.getRequiredProperty("kippu.aws.region"));
        config.put("userPoolId", settings.getRequiredProperty("kippu.cognito.user-pool-id"));
        // the web client's id: the stand-in's pool has that one only
        config.put("userPoolClientId", settings.getRequiredProperty("kippu.cognito.client-ids").split(",")[0].strip());
        config.put("cognitoEndpoint", settings.getRequiredProperty("kippu.aws.endpoints.cognito"));
        return config;
    }

    static ServerResponse page(Path export, ServerRequest request) {
        String path = request.path();
        Path file = export.resolve(path.substring(1)).normalize();
        if (!file.startsWith(export)) {
            return notFound(export);
        }
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                return ServerResponse.status(HttpStatus.MOVED_PERMANENTLY).header("Location", path + "/").build();
            }
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file(file, HttpStatus.OK) : notFound(export);
    }

    private static ServerResponse notFound(Path export) {
        Path page = export.resolve(NOT_FOUND_PAGE);
        if (Files.isRegularFile(page)) {
            return file(page, HttpStatus.NOT_FOUND);
        }
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body("No web export at " + export + ": npm run build --prefix web (./kippu local builds it)\n");
    }

    private static ServerResponse file(Path file, HttpStatus status) {
        FileSystemResource resource = new FileSystemResource(file);
        return ServerResponse.status(status)
                .contentType(MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM))
                // the export's pages change with every build; its hashed assets never do
                .cacheControl(file.toString().contains("/_next/static/") ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic()
                        : CacheControl.noCache())
                .body(resource);
    }
}
