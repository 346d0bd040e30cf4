package dev.camelveeam.veeamem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer's execution model: {@code process()} returns without waiting for EM, the exchange continues on the
 * route-work executor (the component's, or the endpoint's {@code executorService}), never on an I/O or scheduler
 * thread, a slow step after the call delays no other exchange, and a transacted exchange stays on its own thread.
 */
class ExecutionModelTest extends VeeamEmTestSupport {

    private static final String JOB_ID = "3e7a9c21-5b4d-4f8e-a1c2-7d6e5f4a3b2c";
    private static final String CONTINUED_ON = "continuedOn";
    private static final String STARTED_ON = "startedOn";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    private final CountDownLatch neverOpened = new CountDownLatch(1);
    private final AtomicInteger inSlowStep = new AtomicInteger();
    private final AtomicInteger slowStepsEnded = new AtomicInteger();
    private final List<String> includeIds = new ArrayList<>();
    private ExecutorService myPool;

    @BeforeEach
    void seed() {
        sim.faults().clear();
        sim.withAnswerDelay(Duration.ZERO);
        reseed(sim);
        SimJob job = sim.addJob(JOB_ID, "Execution model");
        for (int i = 0; i < 41; i++) { // a job keeps one object at least: removing 40 leaves one
            String includeId = UUID.randomUUID().toString();
            includeIds.add(includeId);
            job.addInclude(includeId, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-" + (500 + i), "exec" + i);
        }
        sim.clearRequests();
    }

    @AfterEach
    void restore() {
        sim.withAnswerDelay(Duration.ZERO);
        if (myPool != null) {
            myPool.shutdownNow();
        }
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        AtomicInteger count = new AtomicInteger();
        myPool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "myPool-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        registry.bind("myPool", myPool);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String remove = uri("removeInclude") + "&jobId=" + JOB_ID;
                from("direct:remove").routeId("remove")
                        .to(remove)
                        .process(exchange -> exchange.setProperty(CONTINUED_ON, Thread.currentThread().getName()));
                from("direct:removeAtOnce").routeId("removeAtOnce")
                        .to(remove.replace("pollInitialDelay=20", "pollInitialDelay=0"));
                from("direct:ownPool").routeId("ownPool")
                        .to(remove + "&executorService=#myPool")
                        .process(exchange -> exchange.setProperty(CONTINUED_ON, Thread.currentThread().getName()));
                from("direct:slowStep").routeId("slowStep")
                        .to(remove)
                        .process(exchange -> {
                            exchange.setProperty(CONTINUED_ON, Thread.currentThread().getName());
                            inSlowStep.incrementAndGet();
                            try {
                                assertFalse(neverOpened.await(3, TimeUnit.SECONDS));
                            } finally {
                                slowStepsEnded.incrementAndGet();
                            }
                        });
                from("direct:transacted").routeId("transacted")
                        .process(exchange -> {
                            exchange.getExchangeExtension().setTransacted(true);
                            exchange.setProperty(STARTED_ON, Thread.currentThread().getName());
                        })
                        .to(remove)
                        .process(exchange -> exchange.setProperty(CONTINUED_ON, Thread.currentThread().getName()));
            }
        };
    }

    /** One submission: what {@code process} returned, and when the exchange was done. */
    private record Submission(Exchange exchange, boolean doneSync, CompletableFuture<Instant> done) {
    }

    /** Hands an exchange to the route's processor, as its consumer does, and returns as soon as that returns. */
    private Submission submit(String routeId, String includeId) {
        Consumer consumer = context.getRoute(routeId).getConsumer();
        AsyncProcessor processor = AsyncProcessorConverterHelper.convert(consumer.getProcessor());
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, includeId);
        CompletableFuture<Instant> done = new CompletableFuture<>();
        boolean doneSync = processor.process(exchange, sync -> done.complete(Instant.now()));
        return new Submission(exchange, doneSync, done);
    }

    private static void assertContinuedOnRouteWork(Exchange exchange) {
        String thread = exchange.getProperty(CONTINUED_ON, String.class);
        assertNotNull(thread, "the route went on after the veeam-em step");
        assertTrue(thread.contains("VeeamEmRouteWork"), "continued on " + thread);
        assertFalse(thread.contains("VeeamEmIO") || thread.contains("VeeamEmScheduler"), "continued on " + thread);
    }

    @Test
    void aSlowEmHoldsNoCallerAndTheExchangesContinueOnRouteWorkThreads() {
        Duration answerDelay = Duration.ofSeconds(2);
        sim.withAnswerDelay(answerDelay);

        List<Submission> submissions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            submissions.add(submit("remove", includeIds.get(i)));
        }
        Instant allSubmitted = Instant.now();

        assertTrue(submissions.stream().noneMatch(Submission::doneSync), "process() never completed synchronously");
        assertTrue(submissions.stream().noneMatch(submission -> submission.done().isDone()),
                "all 30 submissions returned before EM's first answer");
        await().atMost(WAIT).until(() -> submissions.stream().allMatch(submission -> submission.done().isDone()));

        Instant firstDone = submissions.stream().map(submission -> submission.done().join()).min(Comparator.naturalOrder())
                .orElseThrow();
        assertTrue(allSubmitted.isBefore(firstDone));
        for (Submission submission : submissions) {
            assertFinishedTask(submission.exchange(), true, "Ok");
            assertContinuedOnRouteWork(submission.exchange());
        }
        assertEquals(1, sim.getRequests("POST", "/api/sessionMngr/").size(), "one logon for all");
        List<RecordedRequest> deletes = sim.getRequests("DELETE", "/api/jobs/" + JOB_ID + "/includes/.*");
        assertEquals(30, deletes.size());
        Instant firstDelete = deletes.stream().map(RecordedRequest::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
        long together = deletes.stream()
                .filter(delete -> delete.receivedAt().isBefore(firstDelete.plus(Duration.ofSeconds(1)))).count();
        assertTrue(together >= 20,
                "the DELETEs went out together, as many as the pool's 20 connections allow: " + together
                                   + " within 1 s of the first");
        long withTheFirstPolls = deletes.stream()
                .filter(delete -> delete.receivedAt().isBefore(firstDelete.plus(answerDelay).plus(Duration.ofSeconds(1))))
                .count();
        assertTrue(withTheFirstPolls >= 25,
                "as the first answers freed connections, new DELETEs went out with the polls (one in four at least): "
                                            + withTheFirstPolls + " within one answer time");
        assertTrue(deletes.stream().allMatch(delete -> delete.receivedAt()
                .isBefore(firstDelete.plus(answerDelay.multipliedBy(2)).plus(Duration.ofSeconds(1)))),
                "the rest went out as soon as connections were free, not one after another");
    }

    @Test
    void pollsOfAcceptedTasksGoAheadOfNewOperations() {
        Duration answerDelay = Duration.ofSeconds(1);
        sim.withAnswerDelay(answerDelay);

        List<Submission> submissions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            submissions.add(submit("removeAtOnce", includeIds.get(i)));
        }
        await().atMost(WAIT).until(() -> submissions.stream().allMatch(submission -> submission.done().isDone()));

        List<RecordedRequest> wire = sim.getRequests().stream()
                .filter(request -> !request.path().contains("sessionMngr"))
                .sorted(Comparator.comparing(RecordedRequest::receivedAt)).toList();
        // the first 20 DELETEs fill the pool; each of their answers queues the task's first poll (pollInitialDelay=0)
        // and frees a connection, which goes to the polls, three for each of the 20 DELETEs still waiting
        List<RecordedRequest> secondWave = wire.subList(20, 40);
        long polls = secondWave.stream().filter(request -> request.method().equals("GET")).count();
        assertEquals(15, polls, "of the 20 requests after the first 20 DELETEs, the polls of the accepted tasks went"
                                + " first, three for each new DELETE: " + secondWave);
        assertEquals(40, wire.stream().filter(request -> request.method().equals("DELETE")).count());
        for (Submission submission : submissions) {
            assertFinishedTask(submission.exchange(), true, "Ok");
        }
    }

    @Test
    void withAnExecutorServiceTheExchangesContinueOnThatPool() {
        List<Submission> submissions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submissions.add(submit("ownPool", includeIds.get(i)));
        }

        await().atMost(WAIT).until(() -> submissions.stream().allMatch(submission -> submission.done().isDone()));

        for (Submission submission : submissions) {
            assertFinishedTask(submission.exchange(), true, "Ok");
            String thread = submission.exchange().getProperty(CONTINUED_ON, String.class);
            assertTrue(thread.startsWith("myPool-"), "continued on " + thread);
        }
        assertEquals(5, sim.getRequests("DELETE", "/api/jobs/" + JOB_ID + "/includes/.*").size());
    }

    @Test
    void aSlowStepAfterTheCallDelaysNoOtherExchange() {
        List<Submission> slow = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slow.add(submit("slowStep", includeIds.get(i)));
        }
        await().atMost(WAIT).until(() -> inSlowStep.get() == 6);

        List<Submission> quick = new ArrayList<>();
        List<Instant> submitted = new ArrayList<>();
        for (int i = 6; i < 10; i++) {
            submitted.add(Instant.now());
            quick.add(submit("remove", includeIds.get(i)));
        }
        await().atMost(WAIT).until(() -> quick.stream().allMatch(submission -> submission.done().isDone()));
        int slowEndedWhenQuickDone = slowStepsEnded.get();

        for (int i = 0; i < quick.size(); i++) {
            Duration took = Duration.between(submitted.get(i), quick.get(i).done().join());
            assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "a quick exchange took " + took.toMillis() + " ms");
            assertFinishedTask(quick.get(i).exchange(), true, "Ok");
            assertContinuedOnRouteWork(quick.get(i).exchange());
        }
        assertEquals(0, slowEndedWhenQuickDone, "the quick exchanges did not wait for the slow steps");
        await().atMost(WAIT).until(() -> slow.stream().allMatch(submission -> submission.done().isDone()));
        for (Submission submission : slow) {
            assertFinishedTask(submission.exchange(), true, "Ok");
            assertContinuedOnRouteWork(submission.exchange());
        }
        assertEquals(10, sim.getRequests("DELETE", "/api/jobs/" + JOB_ID + "/includes/.*").size());
    }

    @Test
    void aTransactedExchangeWaitsOnItsOwnThread() {
        Exchange result = template.request("direct:transacted",
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, includeIds.get(0)));

        assertFinishedTask(result, true, "Ok");
        String startedOn = result.getProperty(STARTED_ON, String.class);
        assertEquals(Thread.currentThread().getName(), startedOn);
        assertEquals(startedOn, result.getProperty(CONTINUED_ON, String.class), "continued on the calling thread");
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/" + JOB_ID + "/includes/" + includeIds.get(0)).size());
        assertTrue(sim.getRequests("GET", "/api/tasks/.*").size() >= 1, "the task was polled to Finished");
    }
}
