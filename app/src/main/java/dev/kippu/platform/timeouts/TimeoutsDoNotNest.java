package dev.kippu.platform.timeouts;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration whose timeouts do not fit inside each other: the application refuses to start with it. */
public class TimeoutsDoNotNest extends IllegalStateException {

    private final List<Nesting> broken;

    TimeoutsDoNotNest(List<Nesting> broken) {
        super("Timeouts do not nest:" + broken.stream().map(nesting -> "\n - " + nesting).collect(Collectors.joining()));
        this.broken = List.copyOf(broken);
    }

    public List<Nesting> broken() {
        return broken;
    }
}
