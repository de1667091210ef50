package sms.certificates.recall.serde;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How often and how patiently a failed registry call is retried: exponential backoff with jitter, capped. */
record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {

    /** The pause before retry number {@code retry} (1 for the first retry): between half and all of the capped exponential. */
    Duration backoff(int retry) {
        long exponential = initialWait.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(Math.max(exponential, 0), maxWait.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
