package dev.camelveeam.veeamem.internal;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool exchanges continue on: a thread is started only when none is idle, up to the maximum, and past that the work
 * queues (never refused, never run on the submitting I/O or poll thread). A pool made from a Camel thread-pool profile
 * cannot do both: it starts all its core threads before it queues, and grows past them only once its queue is full, so
 * it either holds its core size of threads for a handful of exchanges or makes a slow route step hold up the others.
 */
public final class RouteWorkPool extends ThreadPoolExecutor {

    public RouteWorkPool(int maxThreads, long keepAliveMillis, ThreadFactory threads) {
        super(0, maxThreads, keepAliveMillis, TimeUnit.MILLISECONDS, new HandOffQueue(), threads,
              (work, pool) -> ((RouteWorkPool) pool).queueOrRefuse(work));
        ((HandOffQueue) getQueue()).pool = this;
    }

    private void queueOrRefuse(Runnable work) {
        if (isShutdown()) {
            throw new RejectedExecutionException("The route-work pool has stopped");
        }
        ((HandOffQueue) getQueue()).queue(work);
    }

    /** Hands work to an idle thread; without one, declines while the pool may grow, so that it grows. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {

        private volatile RouteWorkPool pool;

        @Override
        public boolean offer(Runnable work) {
            return tryTransfer(work) || pool.getPoolSize() >= pool.getMaximumPoolSize() && super.offer(work);
        }

        void queue(Runnable work) {
            super.offer(work);
        }
    }
}
