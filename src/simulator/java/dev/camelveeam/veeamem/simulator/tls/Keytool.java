package dev.camelveeam.veeamem.simulator.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's own {@code keytool} in one working directory. */
final class Keytool {

    private static final Path EXECUTABLE = Path.of(System.getProperty("java.home"), "bin",
            System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
    /** keytool is a short-lived JVM: C1 only and the serial collector halve its start-up. */
    private static final List<String> FAST_JVM = List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;

    Keytool(Path directory) {
        this.directory = directory;
    }

    /** Runs {@code keytool <args>}; fails with keytool's output if it does not exit 0 within a minute. */
    void run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(EXECUTABLE.toString());
        command.addAll(FAST_JVM);
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(directory, "keytool-", ".log");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close(); // a prompt reads end of input and fails instead of waiting
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + TIMEOUT + ": " + command);
            }
            String log = Files.readString(output);
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed (exit " + process.exitValue() + "): " + command + "\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }
}
