package dev.kippu.contract;

import java.util.Map;

/** {@code kippu.test.target=jar}: Kippu's executable jar as a process of its own ({@link KippuProcess}). */
public final class JarLauncher implements KippuLauncher {

    @Override
    public String name() {
        return "jar";
    }

    @Override
    public Running start(Map<String, String> settings) {
        return KippuProcess.start("kippu", settings);
    }
}
