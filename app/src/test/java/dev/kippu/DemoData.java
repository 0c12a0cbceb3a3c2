package dev.kippu;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.kippu.contract.DemoStack;

/** The local stack's demo data ({@link DemoStack}), made through this application's own API once it listens. */
@TestConfiguration(proxyBeanMethods = false)
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    @Bean
    ApplicationRunner seedDemoData(WebServerApplicationContext web) {
        return args -> log.info(DemoStack.seed(URI.create("http://localhost:" + web.getWebServer().getPort())));
    }
}
