package dev.camelveeam.veeamem;

import java.util.function.UnaryOperator;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulator jar's public {@link dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension} with the test defaults
 * ({@link VeeamEmTestSupport#newSimulator()}, adjusted by {@code setup}): one simulator per test class, reset before
 * each test; the tests reach it as {@link VeeamEmTestSupport#sim}.
 */
final class EmSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension em;

    EmSimulatorExtension() {
        this(UnaryOperator.identity());
    }

    EmSimulatorExtension(UnaryOperator<EmSimulator> setup) {
        em = new dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension()
                .newSimulator(VeeamEmTestSupport::newSimulator)
                .configure(setup::apply);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        em.beforeAll(context);
        VeeamEmTestSupport.sim = em.simulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        em.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        em.afterAll(context);
        VeeamEmTestSupport.sim = null;
    }
}
