package dev.kippu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KippuApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(KippuApplication.class, args);
        if (context.getEnvironment().containsProperty("kippu.job")) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
