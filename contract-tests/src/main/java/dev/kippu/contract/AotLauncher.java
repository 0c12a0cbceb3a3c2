package dev.kippu.contract;

import java.util.Map;

/** {@code kippu.test.target=aot}: the executable jar started by the {@link AotRecipe}, as a process of its own. */
public final class AotLauncher implements KippuLauncher {

    @Override
    public String name() {
        return "aot";
    }

    @Override
    public Running start(Map<String, String> settings) {
        KippuProcess.existing(AotRecipe.cache());
        return KippuProcess.start("kippu-aot", settings, AotRecipe.runOptions(), KippuProcess.existing(AotRecipe.jar()));
    }
}
