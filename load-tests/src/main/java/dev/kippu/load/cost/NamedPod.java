package dev.kippu.load.cost;

import java.util.Objects;

/** An always-running workload beside the API (the e-mail worker, Knative's own components). */
public record NamedPod(String name, PodSize size) {

    public NamedPod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
    }
}
