package dev.camelveeam.veeamem.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The route-work pool starts threads only when none is idle, up to its maximum, then queues. */
class RouteWorkPoolTest {

    private final RouteWorkPool pool = new RouteWorkPool(3, 60_000, work -> new Thread(work, "route-work-test"));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void workAfterWorkReusesTheIdleThread() {
        AtomicInteger done = new AtomicInteger();
        for (int i = 1; i <= 50; i++) {
            pool.execute(done::incrementAndGet);
            int expected = i;
            await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> done.get() == expected && pool.getActiveCount() == 0);
        }

        assertEquals(1, pool.getLargestPoolSize(), "one thread did all the work, one piece at a time");
    }

    @Test
    void growsWhileEveryThreadIsBusyThenQueuesAtTheMaximum() {
        AtomicInteger done = new AtomicInteger();
        Runnable blocking = () -> {
            awaitRelease();
            done.incrementAndGet();
        };
        for (int i = 0; i < 3; i++) {
            pool.execute(blocking);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.getActiveCount() == 3);
        pool.execute(done::incrementAndGet);
        pool.execute(done::incrementAndGet);

        assertEquals(3, pool.getPoolSize(), "no thread beyond the maximum");
        assertEquals(2, pool.getQueue().size(), "past the maximum the work waits in the queue");
        assertEquals(0, done.get());

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == 5);
    }

    @Test
    void refusesWorkOnceShutDown() {
        pool.shutdown();

        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> {
        }));
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
