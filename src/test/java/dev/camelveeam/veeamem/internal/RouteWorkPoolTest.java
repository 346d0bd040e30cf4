package dev.camelveeam.veeamem.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * The route-work pool starts threads only when none is idle, up to its maximum, then queues; work goes to the thread
 * that became idle last, so that threads the work does not need time out.
 */
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
        oneAfterTheOther(50, () -> {
        });

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
    void workGoesToTheThreadThatBecameIdleLast() {
        startThreadsAndLetThemIdle(pool, 3);
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        oneAfterTheOther(30, () -> ranOn.add(Thread.currentThread()));

        assertEquals(1, ranOn.size(), "the thread idle for the shortest time took every piece of work");
    }

    @Test
    void threadsBeyondWhatTheWorkNeedsTimeOutWhileWorkKeepsComing() {
        RouteWorkPool shortLived = new RouteWorkPool(3, 300, work -> new Thread(work, "route-work-test"));
        try {
            startThreadsAndLetThemIdle(shortLived, 3);
            AtomicInteger done = new AtomicInteger();
            // one piece of work after the other, far more often than the keep-alive: handed round the three threads
            // (first come, first served), none of them would ever be idle long enough to end
            await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10)).until(() -> {
                int before = done.get();
                shortLived.execute(done::incrementAndGet);
                await().atMost(Duration.ofSeconds(5)).until(() -> done.get() > before);
                return shortLived.getPoolSize() == 1;
            });
        } finally {
            shortLived.shutdownNow();
        }
    }

    @Test
    void noWorkIsLostWhileThreadsTimeOutAndStart() throws InterruptedException {
        RouteWorkPool churning = new RouteWorkPool(4, 1, work -> new Thread(work, "route-work-test"));
        AtomicInteger done = new AtomicInteger();
        Thread[] submitters = new Thread[4];
        for (int t = 0; t < submitters.length; t++) {
            submitters[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    churning.execute(done::incrementAndGet);
                }
            });
            submitters[t].start();
        }
        for (Thread submitter : submitters) {
            submitter.join(10_000);
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> done.get() == 8_000);
        } finally {
            churning.shutdownNow();
        }
        assertTrue(churning.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void shutdownNowHandsBackTheQueuedWork() {
        for (int i = 0; i < 3; i++) {
            pool.execute(this::awaitRelease);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.getActiveCount() == 3);
        Runnable queued = () -> {
        };
        pool.execute(queued);

        assertEquals(List.of(queued), pool.shutdownNow());
    }

    @Test
    void refusesWorkOnceShutDown() {
        pool.shutdown();

        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> {
        }));
    }

    /** Runs the work so many times, each once the one before has run and every thread of the pool waits again. */
    private void oneAfterTheOther(int times, Runnable work) {
        AtomicInteger done = new AtomicInteger();
        for (int i = 1; i <= times; i++) {
            pool.execute(() -> {
                work.run();
                done.incrementAndGet();
            });
            int expected = i;
            await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> done.get() == expected && pool.idleThreads() == pool.getPoolSize());
        }
    }

    /** Starts the threads with work that holds each of them until all are started, then lets them all idle. */
    private static void startThreadsAndLetThemIdle(RouteWorkPool pool, int threads) {
        CountDownLatch allStarted = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                allStarted.countDown();
                try {
                    allStarted.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.idleThreads() == threads);
        assertEquals(threads, pool.getPoolSize());
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
