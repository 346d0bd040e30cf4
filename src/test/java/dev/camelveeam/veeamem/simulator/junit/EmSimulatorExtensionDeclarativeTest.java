package dev.camelveeam.veeamem.simulator.junit;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @ExtendWith}: a default simulator, reached as a parameter. */
@ExtendWith(EmSimulatorExtension.class)
class EmSimulatorExtensionDeclarativeTest {

    private EmSimulator fromBeforeEach;

    @BeforeEach
    void keep(EmSimulator sim) {
        fromBeforeEach = sim;
    }

    @Test
    void aDefaultSimulatorAsAParameter(EmSimulator sim) {
        assertSame(fromBeforeEach, sim);
        assertTrue(sim.getBaseUrl().startsWith("http://127.0.0.1:"));
        assertTrue(sim.getJob(EmSimulator.SEED_ORACLE_JOB_ID).isPresent());
    }
}
