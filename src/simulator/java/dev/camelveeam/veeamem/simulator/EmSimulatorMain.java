package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelveeam.veeamem.simulator.tls.TestCertificates;

/**
 * The simulator as a program: serves on 127.0.0.1 until the JVM is stopped (Ctrl-C, SIGTERM), printing its base URL.
 *
 * <pre>
 * java -cp &lt;simulator jar and Jackson&gt; dev.camelveeam.veeamem.simulator.EmSimulatorMain --port 9398 --user u:p --tls --task-run-time 2s
 * mvn -B -q compile exec:java@simulator -Dexec.args="--port 9398"     (from this project)
 * </pre>
 *
 * {@link #parse(String...)} and {@link #start(Options, PrintStream)} are the same steps without the waiting, for tests
 * and for programs that embed it. Only {@link #main(String[])}, which owns its JVM, changes a JVM-wide setting: it
 * turns on {@code sun.net.httpserver.nodelay} unless the command line set it.
 */
public final class EmSimulatorMain {

    /** EM's own port. */
    public static final int DEFAULT_PORT = 9398;

    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private EmSimulatorMain() {
    }

    /** What the command line asks for; {@code null} durations and casing keep the simulator's defaults. */
    public record Options(int port, Map<String, String> users, boolean tls, Path keyStore, String keyStorePassword,
            Duration taskRunTime, Duration taskCollectTime, Duration backupSessionRunTime,
            Duration restoreRunTime, Duration sessionIdleTimeout, Duration answerDelay,
            EmSimulator.JsonCasing jsonCasing, boolean seedData, boolean help) {

        public Options {
            users = Map.copyOf(users);
        }

        /** A simulator with these settings, not started. */
        public EmSimulator newSimulator() {
            EmSimulator sim = new EmSimulator().withPort(port).withSeedData(seedData);
            users.forEach(sim::withUser);
            if (keyStore != null) {
                sim.withTls(loadKeyStore(keyStore, keyStorePassword), keyStorePassword.toCharArray());
            } else if (tls) {
                sim.withTls(TestCertificates.serverKeyStore(), TestCertificates.PASSWORD.toCharArray());
            }
            if (taskRunTime != null) {
                sim.withTaskRunTime(taskRunTime);
            }
            if (taskCollectTime != null) {
                sim.withTaskCollectTime(taskCollectTime);
            }
            if (backupSessionRunTime != null) {
                sim.withBackupSessionRunTime(backupSessionRunTime);
            }
            if (restoreRunTime != null) {
                sim.withRestoreRunTime(restoreRunTime);
            }
            if (sessionIdleTimeout != null) {
                sim.withSessionIdleTimeout(sessionIdleTimeout);
            }
            if (answerDelay != null) {
                sim.withAnswerDelay(answerDelay);
            }
            if (jsonCasing != null) {
                sim.withJsonCasing(jsonCasing);
            }
            return sim;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(usage());
            return;
        }
        if (System.getProperty(NODELAY) == null) {
            // this JVM is ours: without TCP_NODELAY each answer waits ~40 ms for the client's delayed ACK
            System.setProperty(NODELAY, "true");
        }
        EmSimulator sim = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            System.out.println("EM simulator stopped");
            stopped.countDown();
        }, "em-simulator-shutdown"));
        stopped.await();
    }

    /**
     * Starts a simulator with these options and prints where it serves: first line {@code EM simulator at <base URL>},
     * then the users, the CA certificate to trust (with {@code --tls}) and how to stop it. The caller closes it.
     */
    public static EmSimulator start(Options options, PrintStream out) {
        EmSimulator sim = options.newSimulator().start();
        out.println("EM simulator at " + sim.getBaseUrl());
        out.println("  users: " + (options.users().isEmpty()
                ? EmSimulator.DEFAULT_USERNAME + " (password "
                  + EmSimulator.DEFAULT_PASSWORD + ")"
                : String.join(", ", options.users().keySet())));
        if (options.tls() && options.keyStore() == null) {
            out.println("  TLS certificate for localhost, signed by the CA in " + TestCertificates.caCertificatePemPath()
                        + " (curl --cacert <that file>)");
        }
        if (options.seedData()) {
            out.println("  seed jobs: Oracle Backup " + EmSimulator.SEED_ORACLE_JOB_ID + ", Exchange Backup "
                        + EmSimulator.SEED_EXCHANGE_JOB_ID);
        }
        out.println("  Ctrl-C (SIGTERM) stops it");
        out.flush();
        return sim;
    }

    /**
     * Reads the command line (see {@link #usage()}).
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks its value or has a bad one
     */
    public static Options parse(String... args) {
        int port = DEFAULT_PORT;
        Map<String, String> users = new LinkedHashMap<>();
        boolean tls = false;
        Path keyStore = null;
        String keyStorePassword = null;
        Duration taskRunTime = null;
        Duration taskCollectTime = null;
        Duration backupSessionRunTime = null;
        Duration restoreRunTime = null;
        Duration sessionIdleTimeout = null;
        Duration answerDelay = null;
        EmSimulator.JsonCasing casing = null;
        boolean seedData = true;
        boolean help = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            String inlineValue = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                inlineValue = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--tls" -> tls = true;
                case "--no-seed-data" -> seedData = false;
                case "--port" -> port = port(value(option, inlineValue, rest));
                case "--user" -> {
                    String user = value(option, inlineValue, rest);
                    int colon = user.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--user needs NAME:PASSWORD");
                    }
                    users.put(user.substring(0, colon), user.substring(colon + 1));
                }
                case "--keystore" -> {
                    keyStore = Path.of(value(option, inlineValue, rest));
                    tls = true;
                }
                case "--keystore-password" -> keyStorePassword = value(option, inlineValue, rest);
                case "--task-run-time" -> taskRunTime = duration(option, value(option, inlineValue, rest));
                case "--task-collect-time" -> taskCollectTime = duration(option, value(option, inlineValue, rest));
                case "--backup-session-run-time" -> backupSessionRunTime = duration(option, value(option, inlineValue, rest));
                case "--restore-run-time" -> restoreRunTime = duration(option, value(option, inlineValue, rest));
                case "--session-idle-timeout" -> sessionIdleTimeout = duration(option, value(option, inlineValue, rest));
                case "--answer-delay" -> answerDelay = duration(option, value(option, inlineValue, rest));
                case "--json-casing" -> casing = casing(value(option, inlineValue, rest));
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        if (keyStore != null && keyStorePassword == null) {
            throw new IllegalArgumentException("--keystore needs --keystore-password");
        }
        if (keyStore == null && keyStorePassword != null) {
            throw new IllegalArgumentException("--keystore-password needs --keystore");
        }
        return new Options(
                port, users, tls, keyStore, keyStorePassword, taskRunTime, taskCollectTime, backupSessionRunTime,
                restoreRunTime, sessionIdleTimeout, answerDelay, casing, seedData, help);
    }

    public static String usage() {
        return """
                Usage: EmSimulatorMain [options]   (serves Veeam EM's REST API on 127.0.0.1 until stopped)
                  --port N                     port on 127.0.0.1 (default 9398; 0: any free port)
                  --user NAME:PASSWORD         an accepted user; repeat for more (default veeam:veeam)
                  --tls                        HTTPS with a generated certificate for localhost (prints its CA file)
                  --keystore FILE              HTTPS with the key and chain of this PKCS12 file (implies --tls)
                  --keystore-password PW       its password
                  --task-run-time D            how long a task runs (default 500ms); D: 500ms, 2s, 1m, 1h or PT2S
                  --task-collect-time D        then OperationFinished for (default 100ms)
                  --backup-session-run-time D  a started job runs for (default 1s)
                  --restore-run-time D         a restore runs for (default 1s)
                  --session-idle-timeout D     logon session idle expiry (default 15m)
                  --answer-delay D             every answer waits this long (default 0)
                  --json-casing EM12|EM13      JSON key casing (default EM12)
                  --no-seed-data               start without the demo jobs, sessions and inventory
                  --help                       this text""";
    }

    private static String value(String option, String inlineValue, List<String> rest) {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0 to 65535: " + text);
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, a bare number (milliseconds) or ISO-8601 ({@code PT2S}). */
    static Duration duration(String option, String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
                return switch (unit) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMillis(amount);
                };
            }
            Duration duration = Duration.parse(text.trim());
            if (duration.isNegative()) {
                throw new IllegalArgumentException(option + " must not be negative: " + text);
            }
            return duration;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a duration such as 500ms, 2s, 1m or PT2S: " + text);
        }
    }

    private static EmSimulator.JsonCasing casing(String text) {
        try {
            return EmSimulator.JsonCasing.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--json-casing is EM12 or EM13: " + text);
        }
    }

    private static KeyStore loadKeyStore(Path file, String password) {
        try {
            return KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot open the key store " + file + ": " + e.getMessage(), e);
        }
    }
}
