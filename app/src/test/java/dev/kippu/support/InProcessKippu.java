package dev.kippu.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kippu.KippuApplication;
import dev.kippu.contract.KippuLauncher;

/**
 * {@code kippu.test.target=in-process}, the contract suite's default here: Kippu in this JVM, on a
 * free loopback port. Also another instance beside the tests' own, on the same stand-ins and table,
 * as another instance behind the load balancer would be.
 */
public final class InProcessKippu implements KippuLauncher {

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public Running start(Map<String, String> settings) {
        return startAnother(settings);
    }

    public static Instance startAnother(Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>(settings);
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        // As command-line arguments, which win over application.yaml (default properties would not).
        String[] arguments = properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        // main: the class whose AOT initializer it runs with -Dspring.aot.enabled=true (none is deduced on a test's thread)
        return new Instance(new SpringApplicationBuilder(KippuApplication.class).main(KippuApplication.class).run(arguments));
    }

    public record Instance(ConfigurableApplicationContext context) implements Running {

        @Override
        public URI baseUrl() {
            return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
