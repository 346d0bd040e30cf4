package dev.camelveeam.veeamem.simulator.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

// CHECKSTYLE:OFF: the formatter would turn the @ of the {@code} example into &#64;, shown as such
/**
 * JUnit 5: one {@link EmSimulator} per test class, put back to its start state before each test.
 * <p>
 * Register it on a static field, configure it there, and reach the simulator through it or as a parameter:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmSimulatorExtension EM = new EmSimulatorExtension()
 *         .configure(sim -> sim.withUser("svc-camel", "s3cret").withTaskRunTime(Duration.ofMillis(30)))
 *         .beforeEachTest(sim -> sim.getJob(EmSimulator.SEED_ORACLE_JOB_ID).orElseThrow().addInclude(...));
 *
 * @Test
 * void removesAVm(EmSimulator sim) {        // or EM.simulator()
 *     String baseUrl = EM.getBaseUrl();
 * }
 * }</pre>
 *
 * or, with the defaults, {@code @ExtendWith(EmSimulatorExtension.class)} and an {@code EmSimulator} parameter.
 * <p>
 * Life cycle: before the class's {@code @BeforeAll} methods, the simulator is created ({@link #newSimulator} supplier,
 * default {@code new EmSimulator()}), given every {@link #configure} step in order and started; before each test
 * (before its {@code @BeforeEach} methods) {@link EmSimulator#reset()} puts back the settings, seed data and nothing
 * else (faults, recorded requests, logon sessions and counters gone), then every {@link #beforeEachTest} step runs;
 * after the class's {@code @AfterAll} methods it is closed, and its threads have ended. Changes made in a
 * {@code @BeforeAll} method therefore do not reach the tests: make them in {@code beforeEachTest} or
 * {@code @BeforeEach}, or turn the reset off with {@link #resetBeforeEachTest(boolean) resetBeforeEachTest(false)}.
 * {@code @Nested} classes share the outer class's simulator. Configure the extension before JUnit uses it; it is
 * not meant to be shared by test classes running in parallel.
 * <p>
 * This class needs {@code junit-jupiter-api} on the class path, which the simulator jar does not bring (it is
 * {@code provided}): the tests that use it have it already.
 */
// CHECKSTYLE:ON
public final class EmSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private Supplier<EmSimulator> factory = EmSimulator::new;
    private final List<Consumer<? super EmSimulator>> configuration = new ArrayList<>();
    private final List<Consumer<? super EmSimulator>> eachTest = new ArrayList<>();
    private boolean reset = true;
    private volatile EmSimulator simulator;
    /** The unique id of the class context that started the simulator, which alone closes it. */
    private String owner;

    /**
     * An extension for a default simulator ({@code new EmSimulator()}: user veeam/veeam, seed data, ephemeral port).
     */
    public EmSimulatorExtension() {
    }

    /**
     * Creates the simulator with {@code factory} instead of {@code new EmSimulator()} (not started; configure steps
     * follow).
     */
    public EmSimulatorExtension newSimulator(Supplier<EmSimulator> factory) {
        requireNotStarted();
        this.factory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * A step run on the new simulator before it starts, e.g. {@code sim -> sim.withUser("u", "p").withTls(...)}; steps
     * run in the order given. What they set is what {@link EmSimulator#reset()} goes back to.
     */
    public EmSimulatorExtension configure(Consumer<? super EmSimulator> step) {
        requireNotStarted();
        configuration.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** A step run before each test, after the reset (and before the test's {@code @BeforeEach} methods): test data. */
    public EmSimulatorExtension beforeEachTest(Consumer<? super EmSimulator> step) {
        requireNotStarted();
        eachTest.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /**
     * Whether {@link EmSimulator#reset()} runs before each test (default true); without, tests share what earlier ones
     * did.
     */
    public EmSimulatorExtension resetBeforeEachTest(boolean reset) {
        requireNotStarted();
        this.reset = reset;
        return this;
    }

    /**
     * The running simulator.
     *
     * @throws IllegalStateException outside the test class's life cycle
     */
    public EmSimulator simulator() {
        EmSimulator current = simulator;
        if (current == null) {
            throw new IllegalStateException("The EM simulator runs only while its test class runs");
        }
        return current;
    }

    /**
     * {@code simulator().getBaseUrl()}: {@code http://127.0.0.1:<port>/api} (with TLS
     * {@code https://localhost:<port>/api}).
     */
    public String getBaseUrl() {
        return simulator().getBaseUrl();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (simulator != null) {
            return; // a @Nested class: the outer class's simulator serves it
        }
        EmSimulator created = Objects.requireNonNull(factory.get(), "the simulator factory returned null");
        try {
            configuration.forEach(step -> step.accept(created));
            created.start();
        } catch (RuntimeException | Error e) {
            created.close();
            throw e;
        }
        owner = context.getUniqueId();
        simulator = created;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        EmSimulator current = simulator();
        if (reset) {
            current.reset();
        }
        eachTest.forEach(step -> step.accept(current));
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (simulator != null && context.getUniqueId().equals(owner)) {
            try {
                simulator.close();
            } finally {
                simulator = null;
                owner = null;
            }
        }
    }

    /** Resolves {@code EmSimulator} parameters of test, lifecycle and constructor methods. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    private synchronized void requireNotStarted() {
        if (simulator != null) {
            throw new IllegalStateException("Configure the extension before its simulator starts");
        }
    }
}
