package org.envmon.ingest.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The consumer bookkeeping the two local logs share: named consumers, their committed positions, the bound a
 * following consumer reads up to, and waiting for records. The log supplies how records are read and what a commit
 * means to it ({@link Hooks}).
 */
public final class LocalConsumers {

    /** What the owning log does when a consumer commits or gives up. Called outside the monitor. */
    public interface Hooks {
        /** {@code name} committed {@code (from, to]}. */
        void committed(String name, long from, long to);

        /** After {@link #committed} and after waiters were woken: slower work (checkpoints). */
        default void afterCommit(String name) {
        }

        /** {@code name} gave up on {@code (from, to]}. */
        void abandoned(String name, long from, long to, Throwable cause);
    }

    private final Map<String, Base> consumers = new ConcurrentHashMap<>();
    /** Consumers that follow no other wait here for appends; signalled only when one waits (appends are many). */
    private final Object appendMonitor = new Object();
    private final AtomicInteger appendWaiters = new AtomicInteger();
    /** Followers and {@link #awaitCaughtUp} wait here for commits. */
    private final Object monitor = new Object();
    private final LongSupplier end;
    private final Hooks hooks;
    private volatile boolean closed;

    /** @param end the last position readable by a consumer that follows no other */
    public LocalConsumers(LongSupplier end, Hooks hooks) {
        this.end = end;
        this.hooks = hooks;
    }

    /** A consumer of a local log: the log implements {@link #read}. */
    public abstract static class Base implements IngestConsumer {
        private final LocalConsumers group;
        private final String name;
        private final String after;
        private volatile long committed;
        private long fetched;

        protected Base(LocalConsumers group, String name, String after, long committed) {
            this.group = group;
            this.name = name;
            this.after = after;
            this.committed = committed;
            this.fetched = committed;
        }

        /**
         * Reads records in {@code (from - 1, to]} into {@code out}, at most {@code max}.
         *
         * @return the last position looked at (past records that no longer exist or were abandoned)
         */
        protected abstract long read(long from, long to, int max, List<LogRecord> out) throws Exception;

        @Override
        public String name() {
            return name;
        }

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public boolean closed() {
            return group.closed;
        }

        private long limit() {
            long e = group.end.getAsLong();
            return after == null ? e : Math.min(e, group.committed(after));
        }

        @Override
        public List<LogRecord> poll(int max, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<LogRecord> out = new ArrayList<>();
            Object waitOn = after == null ? group.appendMonitor : group.monitor;
            while (!group.closed) {
                long limit;
                synchronized (waitOn) {
                    boolean counted = waitOn == group.appendMonitor;
                    if (counted) {
                        group.appendWaiters.incrementAndGet(); // before the check: an append then always notifies
                    }
                    try {
                        while (!group.closed && limit() <= fetched) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                return out;
                            }
                            waitOn.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                        }
                    } finally {
                        if (counted) {
                            group.appendWaiters.decrementAndGet();
                        }
                    }
                    if (group.closed) {
                        return out;
                    }
                    limit = limit();
                }
                try {
                    fetched = Math.max(fetched, read(fetched + 1, limit, max, out));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("consumer " + name + " cannot read the ingest log", e);
                }
                if (!out.isEmpty() || System.nanoTime() >= deadline) {
                    return out;
                }
            }
            return out;
        }

        @Override
        public void commit(long position) {
            long from = committed;
            if (position > from) {
                committed = position;
                group.hooks.committed(name, from, position);
                group.signal(); // before the checkpoint work: waiters care about the position only
                group.hooks.afterCommit(name);
            }
        }

        @Override
        public void abandon(long position, Throwable cause) {
            long from = committed;
            if (position > from) {
                group.hooks.abandoned(name, from, position, cause);
                committed = position;
                group.hooks.committed(name, from, position);
                group.signal();
            }
        }

    }

    /** Registers {@code consumer} under its name; a consumer of the same name is replaced (it resumes after its commit). */
    public <T extends Base> T register(T consumer) {
        consumers.put(consumer.name(), consumer);
        signal();
        return consumer;
    }

    public Base get(String name) {
        return consumers.get(name);
    }

    public long committed(String name) {
        Base b = consumers.get(name);
        return b == null ? 0 : b.committed;
    }

    /** The lowest committed position of all consumers, or {@code ifNone} without consumers. */
    public long minCommitted(long ifNone) {
        long min = Long.MAX_VALUE;
        for (Base b : consumers.values()) {
            min = Math.min(min, b.committed);
        }
        return min == Long.MAX_VALUE ? ifNone : min;
    }

    public java.util.Set<String> names() {
        return java.util.Set.copyOf(consumers.keySet());
    }

    public Iterable<Base> all() {
        return consumers.values();
    }

    /** Wakes consumers waiting for records: called after every append (cheap when none waits). */
    public void signalAppended() {
        if (appendWaiters.get() > 0) {
            synchronized (appendMonitor) {
                appendMonitor.notifyAll();
            }
        }
    }

    /** Wakes every waiting thread: a commit, a new consumer, or closing. */
    public void signal() {
        synchronized (appendMonitor) {
            appendMonitor.notifyAll();
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    public boolean awaitCaughtUp(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = end.getAsLong();
        synchronized (monitor) {
            while (committed(name) < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
                target = Math.max(target, end.getAsLong());
            }
        }
        return true;
    }

    public void close() {
        closed = true;
        signal();
    }

    public boolean isClosed() {
        return closed;
    }
}
