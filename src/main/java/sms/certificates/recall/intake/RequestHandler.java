package sms.certificates.recall.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sms.certificates.recall.decision.RecallRequest;
import sms.certificates.recall.outcome.OutcomePublisher;
import sms.certificates.recall.processing.RecallProcessor;
import sms.certificates.recall.store.StoredOutcome;

/**
 * One delivery of records, in the listener's Kafka transaction: decode them, answer the readable ones in one database
 * transaction, publish the answers keyed as the requests were, and dead-letter what cannot be read. If the batch
 * fails for a reason that may be one record's own, the records are answered one at a time instead, and the one that
 * still fails is dead-lettered: its neighbours are answered once and the partition moves on. Any other failure rolls
 * everything back, and the container retries the batch.
 */
class RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final RequestDecoder decoder;
    private final DeadLetters deadLetters;
    private final RecallProcessor processor;
    private final OutcomePublisher publisher;
    private final RecordObservations observations;
    private final Timer batchTimer;
    private final DistributionSummary batchSize;

    RequestHandler(RequestDecoder decoder, DeadLetters deadLetters, RecallProcessor processor,
            OutcomePublisher publisher, RecordObservations observations, MeterRegistry meters) {
        this.decoder = decoder;
        this.deadLetters = deadLetters;
        this.processor = processor;
        this.publisher = publisher;
        this.observations = observations;
        this.batchTimer = Timer.builder("recall.batch")
                .description("Time to handle one delivery of records, up to the Kafka commit")
                .register(meters);
        this.batchSize = DistributionSummary.builder("recall.batch.size")
                .description("Records per delivery")
                .register(meters);
    }

    /** With {@code awaitSends}, each answer is sent synchronously (the naive baseline). */
    void handle(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer, boolean awaitSends) {
        long started = System.nanoTime();
        List<ConsumerRecord<byte[], byte[]>> readable = new ArrayList<>(records.size());
        List<RecallRequest> requests = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                requests.add(RecallRequests.toRequest(decoder.decode(record)));
                readable.add(record);
            } catch (RequestDecoder.Unreadable unreadable) {
                deadLetters.unreadable(record, consumer, unreadable.reason());
            }
        }
        List<StoredOutcome> answers = requests.isEmpty() ? List.of() : answer(requests, readable, consumer);
        for (int i = 0; i < readable.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = readable.get(i);
            StoredOutcome answer = answers.get(i);
            if (answer != null) {
                observations.observe(record, () -> {
                    CompletableFuture<?> sent = publisher.publish(record.key(), answer);
                    if (awaitSends) {
                        sent.join();
                    }
                });
            }
        }
        batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSize.record(records.size());
    }

    /** The answer for each request; null for one that failed on its own and was dead-lettered. */
    private List<StoredOutcome> answer(List<RecallRequest> requests, List<ConsumerRecord<byte[], byte[]>> records,
            Consumer<?, ?> consumer) {
        try {
            return processor.process(requests);
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                throw failure;
            }
            LOG.warn("A batch of {} requests failed ({}): answering them one at a time", requests.size(),
                    failure.toString());
        }
        List<StoredOutcome> answers = new ArrayList<>(requests.size());
        List<RuntimeException> failures = new ArrayList<>(requests.size());
        for (RecallRequest request : requests) {
            try {
                answers.add(processor.process(List.of(request)).get(0));
                failures.add(null);
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    throw failure;
                }
                answers.add(null);
                failures.add(failure);
            }
        }
        if (requests.size() > 1 && answers.stream().allMatch(Objects::isNull)) {
            // Every one fails: not the records, something about the worker or its database. Wait and retry.
            throw failures.get(0);
        }
        for (int i = 0; i < requests.size(); i++) {
            if (failures.get(i) != null) {
                LOG.error("Request {} failed on its own and goes to the dead-letter topic: {}",
                        requests.get(i).requestId(), failures.get(i).toString());
                deadLetters.failed(records.get(i), consumer, failures.get(i));
            }
        }
        return answers;
    }
}
