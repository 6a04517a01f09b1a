package dev.poolsight.cli.top;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The terminal in character mode, so that top reads single keys without Enter and without echo; {@link #close()}
 * (or the JVM's exit, on Ctrl-C) puts back the settings it found. Uses {@code stty} on {@code /dev/tty}.
 */
final class RawTerminal implements AutoCloseable {

    private final String saved;
    private final Thread restoreOnExit;

    private RawTerminal(String saved) {
        this.saved = saved;
        this.restoreOnExit = new Thread(this::restore, "poolsight-top-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    /** Character mode, or empty when there is no terminal to put in it (then top still runs; q needs Enter). */
    static Optional<RawTerminal> enable() {
        Optional<String> saved = stty("-g");
        if (saved.isEmpty() || stty("-icanon -echo min 1").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RawTerminal(saved.get().trim()));
    }

    private void restore() {
        stty(saved);
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down and runs the hook anyway
        }
    }

    private static Optional<String> stty(String arguments) {
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty " + arguments + " < /dev/tty")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!stty.waitFor(5, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
