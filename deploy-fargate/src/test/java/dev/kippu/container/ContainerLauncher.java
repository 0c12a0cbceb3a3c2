package dev.kippu.container;

import java.util.Map;

import dev.kippu.contract.KippuLauncher;

/** {@code kippu.test.target=container}: the image this build made, started as the platforms start it ({@link KippuImage}). */
public final class ContainerLauncher implements KippuLauncher {

    @Override
    public String name() {
        return "container";
    }

    @Override
    public Running start(Map<String, String> settings) {
        KippuContainer kippu = KippuImage.built().withSettings(settings).startService();
        System.out.printf("Kippu's image %s ready in %d ms%n", KippuImage.built().name(), kippu.startToReady().toMillis());
        return kippu;
    }
}
