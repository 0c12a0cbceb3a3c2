package dev.kippu.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Starts a Java stand-in (its main class is the first argument) that exits when the JVM which launched it
 * goes away: the Java counterpart of {@code exit-with-parent.js}. {@link StandInProcess} keeps the child's
 * stdin open, so its end means the launcher is gone, even if it was killed without running its shutdown
 * hooks. The exit is a normal one, so the stand-in's own shutdown hooks still run.
 */
public final class ExitWithParent {

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ExitWithParent <main class> [arguments...]");
        }
        Thread watcher = new Thread(ExitWithParent::exitAtEndOfInput, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitAtEndOfInput() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // nothing is ever sent; only the end matters
            }
        } catch (IOException closed) {
            // the pipe is broken: the launcher is gone just the same
        }
        System.exit(0);
    }
}
