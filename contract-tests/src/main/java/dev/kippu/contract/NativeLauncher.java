package dev.kippu.contract;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code kippu.test.target=native}: Kippu's GraalVM native executable ({@code -Dkippu.test.native},
 * by default {@code target/kippu-app}), as a process of its own. Built and run only on a host with
 * GraalVM 25 ({@code .github/workflows/native.yml}); not on the machines this project is built on.
 */
public final class NativeLauncher implements KippuLauncher {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public Running start(Map<String, String> settings) {
        return KippuProcess.startExecutable("kippu-native", settings, Path.of(System.getProperty("kippu.test.native", "target/kippu-app")));
    }
}
