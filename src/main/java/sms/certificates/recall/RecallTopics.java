package sms.certificates.recall;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contract's topics. {@code partitions} and {@code replicas} apply where the worker creates them at startup; the
 * dead-letter topic gets as many partitions as the input.
 */
@ConfigurationProperties("recall.topics")
public record RecallTopics(
        @DefaultValue("sms.certificates.recall-requested") String requested,
        @DefaultValue("sms.certificates.recalled") String recalled,
        @DefaultValue("sms.certificates.recall-rejected") String rejected,
        @DefaultValue("sms.certificates.recall-requested-dlt") String deadLetter,
        @DefaultValue("true") boolean create,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas) {
}
