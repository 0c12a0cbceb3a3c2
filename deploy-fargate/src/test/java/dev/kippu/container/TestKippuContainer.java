package dev.kippu.container;

import java.util.HashMap;
import java.util.Map;

import dev.kippu.contract.DemoStack;
import dev.kippu.contract.KippuStandIns;

/**
 * {@code ./kippu local --container}: the local stand-ins, then Kippu's image as the platforms run
 * it (podman, {@link KippuImage}) on port 8080, then the demo data through its API. Ctrl-C stops
 * the container and every stand-in.
 */
public final class TestKippuContainer {

    private TestKippuContainer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>(KippuStandIns.shared().properties());
        settings.put("spring.profiles.active", "local");
        KippuContainer kippu = KippuImage.built().withSettings(settings).startService(8080);
        Runtime.getRuntime().addShutdownHook(new Thread(kippu::close, "stop-kippu"));
        System.out.printf("Kippu's image %s ready in %d ms%n", KippuImage.built().name(), kippu.startToReady().toMillis());
        System.out.println(DemoStack.seed(kippu.baseUrl()));
        Thread.currentThread().join();
    }
}
