package dev.connecttasks.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * A function's execution environments, scaled as Lambda scales them: an invocation takes an idle
 * environment, or starts a new one (a cold start) while fewer than {@code maxEnvironments} exist, or
 * else waits for one to come free (where Lambda would throttle, the local runtime queues). A broken
 * environment (timed out, crashed) is dropped, and the next invocation gets a fresh one.
 */
final class FunctionPool implements LocalFunction, AutoCloseable {
    private final SamTemplate.FunctionSpec spec;
    private final LambdaLaunch launch;
    private final int maxEnvironments;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();
    private Path taskRoot;
    private boolean closed;

    FunctionPool(SamTemplate.FunctionSpec spec, LambdaLaunch launch, int maxEnvironments) {
        this.spec = spec;
        this.launch = launch;
        this.maxEnvironments = maxEnvironments;
    }

    @Override
    public Outcome invoke(byte[] payload) {
        String requestId = UUID.randomUUID().toString();
        ExecutionEnvironment environment;
        try {
            environment = acquire();
        } catch (IOException e) {
            return Failure.of("Runtime.Unavailable", requestId, spec.id() + " could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Failure.of("Runtime.Unavailable", requestId, "interrupted");
        }
        try {
            return environment.invoke(requestId, payload);
        } finally {
            release(environment);
        }
    }

    /** The process ids of the environments that exist now. */
    synchronized List<Long> pids() {
        return all.stream().map(ExecutionEnvironment::pid).toList();
    }

    private ExecutionEnvironment acquire() throws IOException, InterruptedException {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IOException("the local runtime is stopping");
                }
                while (!idle.isEmpty()) {
                    ExecutionEnvironment environment = idle.pop();
                    if (environment.usable()) {
                        return environment;
                    }
                    discard(environment);
                }
                if (all.size() < maxEnvironments) {
                    break;
                }
                wait();
            }
            if (taskRoot == null) {
                taskRoot = launch.taskRoot(spec);
            }
            // started while holding the lock: a JVM launch takes milliseconds, its init runs in the background
            ExecutionEnvironment started = ExecutionEnvironment.start(spec, taskRoot, launch);
            all.add(started);
            return started;
        }
    }

    private synchronized void release(ExecutionEnvironment environment) {
        if (environment.usable() && !closed) {
            idle.push(environment);
        } else {
            discard(environment);
        }
        notifyAll();
    }

    private void discard(ExecutionEnvironment environment) {
        all.remove(environment);
        environment.close();
    }

    @Override
    public synchronized void close() {
        closed = true;
        all.forEach(ExecutionEnvironment::close);
        all.clear();
        idle.clear();
        notifyAll();
    }
}
