package dev.camelveeam.veeamem.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * For profiling (not part of the benchmark run): one client alone, removeInclude after removeInclude with tasks
 * finishing at once and the first poll at once (D = 0), in rounds of 2,000, printing the time per operation of each
 * round. Run it under a profiler, once per client, e.g. with JFR (see docs/benchmarks.md):
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=target/bench/component.jfr,settings=profile -cp ... \
 *     dev.camelveeam.veeamem.bench.SingleClientLoop component 14
 * </pre>
 *
 * Arguments: {@code component}, {@code minimal} or {@code handoff} (the async minimal client with its result handed to
 * another thread, the latency phase's reference for the execution model), and the number of rounds (default 14).
 */
public final class SingleClientLoop {

    private static final int OPS_PER_ROUND = 2000;

    private SingleClientLoop() {
    }

    public static void main(String[] args) throws Exception {
        String client = args.length == 0 ? "component" : args[0];
        if (!List.of("component", "minimal", "handoff").contains(client)) {
            throw new IllegalArgumentException("The client must be component, minimal or handoff, not " + client);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        ExecutorService handOff = Executors.newCachedThreadPool();
        try (EmSimulator sim = new EmSimulator().withUser("bench", "bench").withSeedData(false)
                .withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO).start();
             MinimalEmClient minimal = new MinimalEmClient(sim.getBaseUrl(), "bench", "bench");
             MinimalAsyncEmClient minimalAsync = new MinimalAsyncEmClient(sim.getBaseUrl(), "bench", "bench")) {
            IncludeSupply supply = new IncludeSupply(sim, 16);
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:remove").to("veeam-em:removeInclude?baseUrl=" + sim.getBaseUrl()
                                             + "&username=bench&password=bench&pollInitialDelay=0&pollMaxDelay=5000&pollStrategy=backoff");
                }
            });
            context.start();
            minimal.logOn();
            minimalAsync.logOn();
            ProducerTemplate template = context.createProducerTemplate();
            for (int round = 0; round < rounds; round++) {
                List<IncludeSupply.Include> includes = supply.next(OPS_PER_ROUND);
                long start = System.nanoTime();
                for (IncludeSupply.Include include : includes) {
                    if (client.equals("component")) {
                        Exchange result = template.request("direct:remove", exchange -> {
                            exchange.getMessage().setHeader("CamelVeeamEmJobId", include.jobId());
                            exchange.getMessage().setHeader("CamelVeeamEmIncludeId", include.includeId());
                        });
                        if (result.getException() != null) {
                            throw result.getException();
                        }
                    } else if (client.equals("handoff")) {
                        minimalAsync.removeInclude(include.jobId(), include.includeId(), new Backoff(0, 100, 5000))
                                .thenApplyAsync(done -> done, handOff).get();
                    } else {
                        minimal.removeInclude(include.jobId(), include.includeId(), new Backoff(0, 100, 5000));
                    }
                }
                System.out.printf("%s round %d: %.1f µs/op%n", client, round,
                        (System.nanoTime() - start) / 1e3 / OPS_PER_ROUND);
                sim.clearRequests();
            }
            context.stop();
        } finally {
            handOff.shutdownNow();
        }
    }
}
