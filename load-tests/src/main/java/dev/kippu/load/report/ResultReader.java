package dev.kippu.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the result files LoadRun and the stand-in's ceiling benchmark write (schema 1 or 2), and
 * refuses, with a message naming the file, anything else: a missing or unreadable file, text that is
 * not JSON, JSON that is not a Kippu result, a schema it does not know.
 */
final class ResultReader {

    /** Input the report cannot use; the message says which file and why. */
    static final class BadInput extends Exception {

        BadInput(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultReader() {
    }

    /** Every file named, and every {@code *.json} directly in each directory named, in name order. */
    static List<ResultFile> readAll(List<Path> paths) throws BadInput {
        List<ResultFile> read = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : jsonFiles(path)) {
                read.add(read(file));
            }
        }
        return read;
    }

    static ResultFile read(Path file) throws BadInput {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new BadInput(file + " cannot be read: " + e);
        } catch (JacksonException e) {
            throw new BadInput(file + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadInput(file + " is not a Kippu result: its root is not a JSON object");
        }
        if (!root.path("schema").isInt()) {
            throw new BadInput(file + " is not a Kippu result: it has no \"schema\"");
        }
        int schema = root.path("schema").asInt();
        if (schema != 1 && schema != 2) {
            throw new BadInput(file + " has schema " + schema + "; the report reads schemas 1 and 2");
        }
        // schema 1 knew only load results and had no "kind"
        String kind = schema == 1 ? "load" : text(root, "kind", file);
        Fields fields = new Fields(file, root);
        return switch (kind) {
            case "load" -> loadResult(schema, fields);
            case "standInCeiling" -> standInCeiling(fields);
            default -> throw new BadInput(file + " is a result of kind \"" + kind
                    + "\", which the report does not read (load, standInCeiling)");
        };
    }

    private static List<Path> jsonFiles(Path path) throws BadInput {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new BadInput(path + " does not exist");
        }
        try (Stream<Path> children = Files.list(path)) {
            return children.filter(child -> child.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new BadInput(path + " cannot be listed: " + e);
        }
    }

    private static LoadResult loadResult(int schema, Fields fields) throws BadInput {
        JsonNode root = fields.root();
        return new LoadResult(fields.file(), schema, fields.text("target"), fields.text("testType"),
                optionalText(root.path("packaging")).orElse("—"), root.path("passed").asBoolean(false),
                optionalText(root.path("appVersion")).orElse("—"), fields.instant("startedAt"),
                fields.optionalInstant("endedAt"),
                machine(root.path("machine")), figures(fields), timeline(root.path("timeline")),
                number(root.path("start").path("millisToFirst200")), resources(root.path("resources")),
                coldStarts(root.path("coldStarts")), number(root.path("latencyDrift").path("p95MillisLast")));
    }

    private static StandInCeiling standInCeiling(Fields fields) throws BadInput {
        List<StandInCeiling.Level> levels = new ArrayList<>();
        for (JsonNode level : fields.root().path("levels")) {
            levels.add(new StandInCeiling.Level(level.path("concurrency").asInt(),
                    level.path("operationsPerSecond").asDouble(), number(level.path("p50Millis")),
                    number(level.path("p99Millis"))));
        }
        return new StandInCeiling(fields.file(), fields.instant("startedAt"), machine(fields.root().path("machine")),
                optionalText(fields.root().path("operation")).orElse("—"), levels,
                fields.number("ceilingOperationsPerSecond"));
    }

    private static LoadResult.Figures figures(Fields fields) throws BadInput {
        JsonNode all = fields.root().path("all");
        JsonNode requests = all.path("requests");
        JsonNode latency = all.path("latencyMillis");
        if (!requests.path("total").isNumber()) {
            throw new BadInput(fields.file() + " is not a Kippu load result: it has no \"all.requests.total\"");
        }
        return new LoadResult.Figures(requests.path("total").asLong(), requests.path("failed").asLong(),
                number(latency.path("p50")), number(latency.path("p95")), number(latency.path("p99")),
                number(latency.path("mean")), number(all.path("requestsPerSecond")));
    }

    private static List<LoadResult.TimelineSecond> timeline(JsonNode timeline) {
        List<LoadResult.TimelineSecond> seconds = new ArrayList<>();
        for (JsonNode second : timeline) {
            seconds.add(new LoadResult.TimelineSecond(second.path("second").asInt(), second.path("requests").asLong(),
                    second.path("failed").asLong()));
        }
        return seconds;
    }

    private static Optional<LoadResult.Resources> resources(JsonNode resources) {
        if (!resources.isObject()) {
            return Optional.empty();
        }
        List<LoadResult.MemorySample> samples = new ArrayList<>();
        for (JsonNode sample : resources.path("samples")) {
            if (sample.path("residentMiB").isNumber()) {
                samples.add(new LoadResult.MemorySample(sample.path("second").asDouble(),
                        sample.path("residentMiB").asDouble()));
            }
        }
        return Optional.of(new LoadResult.Resources(number(resources.path("cpuMillisPerRequest")),
                number(resources.path("residentMiB").path("peak")), samples));
    }

    private static List<LoadResult.ColdStart> coldStarts(JsonNode coldStarts) {
        List<LoadResult.ColdStart> started = new ArrayList<>();
        for (JsonNode coldStart : coldStarts) {
            started.add(new LoadResult.ColdStart(optionalText(coldStart.path("environment")).orElse("—"),
                    coldStart.path("atSecond").asDouble(), number(coldStart.path("initMillis")),
                    number(coldStart.path("firstRequestMillis"))));
        }
        return started;
    }

    private static Optional<String> machine(JsonNode machine) {
        if (!machine.isObject()) {
            return Optional.empty();
        }
        return Optional.of(machine.path("cores").asInt() + " cores, " + machine.path("os").asString("—") + ", Java "
                + machine.path("java").asString("—"));
    }

    private static String text(JsonNode root, String name, Path file) throws BadInput {
        return optionalText(root.path(name)).orElseThrow(() -> new BadInput(file + " is not a Kippu result: it has no \""
                + name + "\""));
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    private static OptionalDouble number(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }

    /** A result's root object and the file it came from, for messages that name both. */
    private record Fields(Path file, JsonNode root) {

        String text(String name) throws BadInput {
            return ResultReader.text(root, name, file);
        }

        double number(String name) throws BadInput {
            return ResultReader.number(root.path(name)).orElseThrow(() -> new BadInput(file
                    + " is not a Kippu result: it has no number \"" + name + "\""));
        }

        Instant instant(String name) throws BadInput {
            return parse(name, text(name));
        }

        Optional<Instant> optionalInstant(String name) throws BadInput {
            Optional<String> value = optionalText(root.path(name));
            return value.isPresent() ? Optional.of(parse(name, value.get())) : Optional.empty();
        }

        private Instant parse(String name, String value) throws BadInput {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadInput(file + ": \"" + name + "\" is no UTC time: " + value);
            }
        }
    }
}
