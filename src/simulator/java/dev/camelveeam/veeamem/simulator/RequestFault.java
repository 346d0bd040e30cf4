package dev.camelveeam.veeamem.simulator;

import java.io.IOException;

/** What the simulator does with one request instead of handling and answering it normally. */
@FunctionalInterface
interface RequestFault {

    void apply(SimExchange exchange) throws IOException;
}
