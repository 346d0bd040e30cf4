package dev.camelveeam.veeamem.internal;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The pool exchanges continue on: a thread is started only when none is idle, up to the maximum, and past that the work
 * queues (never refused, never run on the submitting I/O or poll thread). Work goes to the thread that became idle
 * last, so that when there is too little work for all the threads, the others stay idle and time out. A pool made from
 * a Camel thread-pool profile cannot do all this: it starts all its core threads before it queues, and grows past them
 * only once its queue is full, so it either holds its core size of threads for a handful of exchanges or makes a slow
 * route step hold up the others.
 */
public final class RouteWorkPool extends ThreadPoolExecutor {

    public RouteWorkPool(int maxThreads, long keepAliveMillis, ThreadFactory threads) {
        super(0, maxThreads, keepAliveMillis, TimeUnit.MILLISECONDS, new HandOffQueue(), threads,
              (work, pool) -> ((RouteWorkPool) pool).queueOrRefuse(work));
        ((HandOffQueue) getQueue()).pool = this;
    }

    /** The threads waiting for work. */
    int idleThreads() {
        return ((HandOffQueue) getQueue()).idleThreads();
    }

    private void queueOrRefuse(Runnable work) {
        if (isShutdown()) {
            throw new RejectedExecutionException("The route-work pool has stopped");
        }
        ((HandOffQueue) getQueue()).handOver(work, true);
    }

    /**
     * Hands work to the thread that became idle last; without an idle thread, declines while the pool may grow, so that
     * it grows, and queues once it may not. The pool's own lock is never taken while this queue's lock is held.
     */
    private static final class HandOffQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {

        private final ReentrantLock lock = new ReentrantLock();
        /** The threads waiting for work, the one idle since the shortest time first. */
        private final Deque<IdleThread> idle = new ArrayDeque<>();
        private final Queue<Runnable> queued = new ArrayDeque<>();
        private volatile RouteWorkPool pool;

        @Override
        public boolean offer(Runnable work) {
            return handOver(work, false)
                    || pool.getPoolSize() >= pool.getMaximumPoolSize() && handOver(work, true);
        }

        /**
         * Gives the work to the thread that became idle last, or, without one, queues it if told to.
         *
         * @return whether the work was taken
         */
        boolean handOver(Runnable work, boolean queueWithoutIdleThread) {
            Objects.requireNonNull(work);
            IdleThread taker;
            lock.lock();
            try {
                taker = idle.pollFirst();
                if (taker != null) {
                    taker.work = work;
                } else if (queueWithoutIdleThread) {
                    queued.add(work);
                } else {
                    return false;
                }
            } finally {
                lock.unlock();
            }
            if (taker != null) {
                LockSupport.unpark(taker.thread);
            }
            return true;
        }

        int idleThreads() {
            return locked(idle::size);
        }

        private <T> T locked(Supplier<T> action) {
            lock.lock();
            try {
                return action.get();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Runnable take() throws InterruptedException {
            return awaitWork(false, 0);
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            return awaitWork(true, unit.toNanos(timeout));
        }

        private Runnable awaitWork(boolean timed, long nanos) throws InterruptedException {
            IdleThread me;
            lock.lock();
            try {
                Runnable next = queued.poll();
                if (next != null || timed && nanos <= 0) {
                    return next;
                }
                me = new IdleThread(Thread.currentThread());
                idle.addFirst(me);
            } finally {
                lock.unlock();
            }
            long deadline = System.nanoTime() + nanos;
            while (me.work == null) {
                if (Thread.interrupted()) {
                    return stopWaiting(me, true);
                }
                if (!timed) {
                    LockSupport.park(this);
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return stopWaiting(me, false);
                }
                LockSupport.parkNanos(this, left);
            }
            return me.work;
        }

        /** Work handed to the thread while it stopped waiting is still its own: it never gets lost. */
        private Runnable stopWaiting(IdleThread me, boolean interrupted) throws InterruptedException {
            lock.lock();
            try {
                if (me.work == null) {
                    idle.remove(me);
                }
            } finally {
                lock.unlock();
            }
            if (me.work != null) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return me.work;
            }
            if (interrupted) {
                throw new InterruptedException();
            }
            return null;
        }

        @Override
        public void put(Runnable work) {
            handOver(work, true);
        }

        @Override
        public boolean offer(Runnable work, long timeout, TimeUnit unit) {
            return offer(work);
        }

        @Override
        public int remainingCapacity() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Runnable poll() {
            return locked(queued::poll);
        }

        @Override
        public Runnable peek() {
            return locked(queued::peek);
        }

        @Override
        public boolean remove(Object work) {
            return locked(() -> queued.remove(work));
        }

        @Override
        public int size() {
            return locked(queued::size);
        }

        /** Over a copy of the queued work; removing through it removes from the queue (the pool's purge does). */
        @Override
        public Iterator<Runnable> iterator() {
            Iterator<Runnable> copy = locked(() -> new ArrayList<>(queued)).iterator();
            return new Iterator<>() {
                private Runnable last;

                @Override
                public boolean hasNext() {
                    return copy.hasNext();
                }

                @Override
                public Runnable next() {
                    last = copy.next();
                    return last;
                }

                @Override
                public void remove() {
                    if (last == null) {
                        throw new IllegalStateException("next() was not called");
                    }
                    HandOffQueue.this.remove(last);
                    last = null;
                }
            };
        }

        @Override
        public int drainTo(Collection<? super Runnable> to) {
            return drainTo(to, Integer.MAX_VALUE);
        }

        @Override
        public int drainTo(Collection<? super Runnable> to, int maxElements) {
            return locked(() -> {
                int drained = 0;
                Runnable next;
                while (drained < maxElements && (next = queued.poll()) != null) {
                    to.add(next);
                    drained++;
                }
                return drained;
            });
        }
    }

    /** A thread waiting for work, and the work once it is handed over (under the queue's lock). */
    private static final class IdleThread {

        private final Thread thread;
        private volatile Runnable work;

        IdleThread(Thread thread) {
            this.thread = thread;
        }
    }
}
