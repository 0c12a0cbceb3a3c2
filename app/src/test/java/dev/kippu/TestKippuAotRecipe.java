package dev.kippu;

import java.util.HashMap;
import java.util.Map;

import dev.kippu.contract.AotRecipe;
import dev.kippu.contract.DemoStack;
import dev.kippu.contract.KippuProcess;
import dev.kippu.contract.KippuStandIns;

/**
 * {@code ./kippu local --aot}: the local stand-ins, then Kippu started by the AOT recipe (the
 * extracted jar, Spring AOT, the JDK AOT cache that the build trained) as a process of its own on
 * port 8080, then the demo data through its API. Ctrl-C stops Kippu and every stand-in.
 */
public final class TestKippuAotRecipe {

    private TestKippuAotRecipe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>(KippuStandIns.shared().properties());
        settings.put("spring.profiles.active", "local");
        KippuProcess kippu = KippuProcess.start("kippu-aot", settings, AotRecipe.runOptions(), AotRecipe.jar(), 8080);
        Runtime.getRuntime().addShutdownHook(new Thread(kippu::close, "stop-kippu"));
        System.out.println(DemoStack.seed(kippu.baseUrl()));
        Thread.currentThread().join();
    }
}
