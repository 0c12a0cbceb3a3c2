package dev.kippu.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the repository's {@code local/} folder (its scripts and node_modules) and the node binary. */
public final class LocalDirectory {

    private LocalDirectory() {
    }

    /** {@code -Dkippu.local.dir} if set, else the nearest {@code local/} with a package.json, walking up from the working directory. */
    public static Path path() {
        String configured = System.getProperty("kippu.local.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("local/package.json"))) {
                return dir.resolve("local");
            }
            if (Files.isRegularFile(dir.resolve("package.json")) && dir.getFileName().toString().equals("local")) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the local/ folder of the Kippu checkout; set -Dkippu.local.dir");
    }

    /** The local/ folder after checking that its npm packages are installed. */
    public static Path withPackages() {
        Path local = path();
        if (!Files.isDirectory(local.resolve("node_modules/dynalite"))) {
            throw new IllegalStateException("the local stand-ins are not installed: run 'npm ci --prefix " + local + "' (./kippu does it for you)");
        }
        return local;
    }

    /**
     * The command that runs a script of {@code local/} with node, made to exit when the launching
     * JVM goes away (its stdin, which {@link StandInProcess} keeps open, closes).
     */
    public static List<String> nodeCommand(String script, String... arguments) {
        Path local = withPackages();
        List<String> command = new ArrayList<>(List.of(System.getProperty("kippu.node", "node"),
                "--require", local.resolve("exit-with-parent.js").toString(), local.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
