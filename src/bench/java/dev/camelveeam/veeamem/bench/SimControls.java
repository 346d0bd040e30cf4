package dev.camelveeam.veeamem.bench;

import java.time.Duration;

import dev.camelveeam.veeamem.simulator.EmSimulator;

/** Simulator controls the benchmark phases switch on and off. */
final class SimControls {

    private SimControls() {
    }

    /** {@code EmSimulator.withAnswerDelay(Duration)}: every request answered after that delay, no thread held. */
    static boolean answerDelay(EmSimulator sim, Duration delay) {
        sim.withAnswerDelay(delay);
        return true;
    }
}
