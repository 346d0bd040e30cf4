package dev.camelveeam.veeamem.bench;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;

import dev.camelveeam.veeamem.simulator.EmSimulator;

/**
 * Simulator controls the benchmark uses that not every version of the simulator has, called reflectively so that the
 * harness builds and runs against either; a phase that needs a missing one reports "not run".
 */
final class SimControls {

    private SimControls() {
    }

    /**
     * {@code EmSimulator.withAnswerDelay(Duration)}: every request answered after that delay.
     *
     * @return false if this simulator has no such control
     */
    static boolean answerDelay(EmSimulator sim, Duration delay) {
        try {
            EmSimulator.class.getMethod("withAnswerDelay", Duration.class).invoke(sim, delay);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("withAnswerDelay failed", e.getCause());
        }
    }
}
