package dev.camelveeam.veeamem;

import java.util.function.UnaryOperator;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the test class's EM simulator (the test defaults, adjusted by {@code setup}) before its tests and closes it
 * after them; the tests reach it as {@link VeeamEmTestSupport#sim}.
 */
final class EmSimulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<EmSimulator> setup;

    EmSimulatorExtension() {
        this(UnaryOperator.identity());
    }

    EmSimulatorExtension(UnaryOperator<EmSimulator> setup) {
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        VeeamEmTestSupport.sim = setup.apply(VeeamEmTestSupport.newSimulator()).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        VeeamEmTestSupport.sim.close();
        VeeamEmTestSupport.sim = null;
    }
}
