package dev.kippu;

import org.springframework.boot.SpringApplication;

import dev.kippu.contract.KippuStandIns;

/**
 * Kippu on this machine without an AWS account: starts the stand-ins on free ports, then the
 * application (profile {@code local}) with demo data. Run it with {@code ./kippu local}; Ctrl-C stops
 * the application and every stand-in it started.
 */
public class TestKippuApplication {

    public static void main(String[] args) {
        KippuStandIns.shared().properties().forEach(System::setProperty);
        SpringApplication.from(KippuApplication::main)
                .with(DemoData.class, LocalWebsite.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
