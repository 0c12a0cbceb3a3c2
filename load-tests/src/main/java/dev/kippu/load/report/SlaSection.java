package dev.kippu.load.report;

import java.util.ArrayList;
import java.util.List;

import dev.kippu.load.cost.Availability;

/** Part 5: the seed's SLA table with each service's monthly downtime, and each runtime's composed path. */
final class SlaSection {

    private SlaSection() {
    }

    static Table slas() {
        return new Table(List.of("service", "SLA", "downtime a month", "source"), Availability.slas().stream()
                .map(sla -> List.of(sla.service(), Format.percent(sla.percent(), 3),
                        Format.number(sla.monthlyDowntimeMinutes()) + " min", sla.source()))
                .toList());
    }

    static Table paths() {
        List<Availability.RequestPath> paths = new ArrayList<>();
        for (Availability.RequestPath path : Availability.requestPaths()) {
            paths.add(path);
            if (path.runtime().startsWith("lambda")) {
                paths.add(Availability.behindHttpApi(path));
            }
        }
        return new Table(List.of("runtime", "path", "availability", "downtime a month", "not covered"),
                paths.stream().map(path -> List.of(path.runtime(),
                        String.join(" × ", path.hops().stream().map(Availability.Sla::service).toList()),
                        Format.percent(100 * path.availability(), 3),
                        Format.number(path.monthlyDowntimeMinutes()) + " min",
                        path.notCovered().isEmpty() ? Format.NONE : String.join("; ", path.notCovered())))
                        .toList());
    }
}
