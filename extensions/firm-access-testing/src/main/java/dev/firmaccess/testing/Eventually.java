package dev.firmaccess.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, with a bound, for what the server does after it answered: an email leaves through the
 * outbox once the request's transaction commits, so its state is polled, not expected at once.
 */
public final class Eventually {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Asks {@code value} until its answer satisfies {@code done}; fails with the last answer after {@code timeout}. */
    public static <T> T until(Supplier<T> value, Predicate<? super T> done, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        T last = value.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Still not " + what + " after " + timeout + "; last seen: " + last);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
            last = value.get();
        }
        return last;
    }
}
