package org.traytalk.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs work on the engine thread for callers on other threads, and waits; errors surface unchanged. */
final class OnEngineThread {
    static final long TIMEOUT_SECONDS = 30;

    private OnEngineThread() {
    }

    static <T> T call(Scheduler scheduler, Callable<T> task) {
        if (scheduler.isSchedulerThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return await(result, "answer");
    }

    static <T> T await(CompletableFuture<T> result, String doing) {
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the engine to " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The engine did not " + doing + " within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
