package dev.firmaccess.it.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** The same request from several threads at the same moment, as a double click or two tabs make it. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Answers the statuses of the attempts, in no particular order of arrival. */
    public static List<Integer> statuses(int attempts, Supplier<PortalBrowser.Answer> request) {
        return answers(Collections.nCopies(attempts, request)).stream().map(PortalBrowser.Answer::status).toList();
    }

    /** Answers the replies of the attempts, each made on its own thread, in no particular order of arrival. */
    public static <T> List<T> all(int attempts, Supplier<T> request) {
        return answers(Collections.nCopies(attempts, request));
    }

    /** Runs different requests at the same moment, e.g. one per cluster node; answers their replies in order. */
    public static <T> List<T> answers(List<Supplier<T>> requests) {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<CompletableFuture<T>> answers = new ArrayList<>();
            for (Supplier<T> request : requests) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    together(start);
                    return request.get();
                }, pool));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    /** Blocks until every attempt is ready, so that they hit the server together. */
    private static void together(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
