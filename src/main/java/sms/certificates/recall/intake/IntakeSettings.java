package sms.certificates.recall.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How requests are consumed.
 *
 * @param mode {@code batch}: one Kafka and one database transaction per poll (the production path); {@code record}:
 * one of each per record with a synchronous send, the deliberately naive baseline the benchmark compares against
 * @param retryInitialInterval first pause after a batch fails for a transient reason (database or broker down)
 * @param retryMaxInterval longest pause between retries, which go on without limit
 * @param healthTimeout how long the broker health check waits for the cluster to answer
 * @param maxRecordBytes requests larger than this are not read but dead-lettered (see {@link RequestDecoder})
 */
@ConfigurationProperties("recall.intake")
record IntakeSettings(
        @DefaultValue("batch") Mode mode,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("5s") Duration retryMaxInterval,
        @DefaultValue("3s") Duration healthTimeout,
        @DefaultValue("262144") int maxRecordBytes) {

    enum Mode {
        BATCH,
        RECORD
    }
}
