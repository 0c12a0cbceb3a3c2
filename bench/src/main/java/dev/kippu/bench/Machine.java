package dev.kippu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Where and when the benchmark ran: start-up times mean little without it. */
record Machine(int nproc, String memTotal, String javaVersion, OffsetDateTime date) {

    static Machine describe(String java) {
        String memTotal = read(Path.of("/proc/meminfo")).lines().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> line.substring("MemTotal:".length()).strip()).findFirst().orElse("unknown");
        return new Machine(Integer.parseInt(output(List.of("nproc"))), memTotal, output(List.of(java, "-version")),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
