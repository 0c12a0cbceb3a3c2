package dev.kippu.load.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Against real processes: a shell that spins for a while, and one that sleeps. */
@EnabledOnOs(OS.LINUX)
class ResourceUseTest {

    @Test
    void theCpuTimeOfAProcessThatStartedAndEndedDuringTheRunCountsInFull() throws Exception {
        List<ProcessHandle> processes = new CopyOnWriteArrayList<>();
        Process sleeper = start("sleep 30");
        processes.add(sleeper.toHandle());
        try (ResourceUse use = ResourceUse.sampling(() -> processes)) {
            Process spinner = start("i=0; while [ $i -lt 3000000 ]; do i=$((i+1)); done"); // about 2.8 s of CPU
            processes.add(spinner.toHandle());
            assertThat(spinner.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1_200); // a sample after the spinner's end
            use.close();

            Map<String, Object> figures = use.figures(100).orElseThrow();
            long cpuMillis = (Long) figures.get("cpuMillis");
            assertThat(cpuMillis).isBetween(500L, 4_000L);
            assertThat((Double) figures.get("cpuMillisPerRequest")).isEqualTo(Math.round(cpuMillis) / 100.0);
            assertThat(figures.get("processesPeak")).isEqualTo(2);
            @SuppressWarnings("unchecked")
            Map<String, Double> resident = (Map<String, Double>) figures.get("residentMiB");
            assertThat(resident.get("end")).isPositive(); // the sleeper
            assertThat(resident.get("peak")).isGreaterThanOrEqualTo(resident.get("end"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> samples = (List<Map<String, Object>>) figures.get("samples");
            assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
            assertThat(samples.getLast()).containsEntry("processes", 1).containsEntry("cpuMillis", cpuMillis);
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void withoutProcessesNothingIsSampled() {
        try (ResourceUse use = ResourceUse.sampling(List::of)) {
            assertThat(use.figures(10)).isEmpty();
        }
    }

    private static Process start(String script) throws IOException {
        return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
