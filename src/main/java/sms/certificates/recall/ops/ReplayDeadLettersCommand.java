package sms.certificates.recall.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends dead letters back to the request topic, once what made them unreadable is fixed (a schema registered, a
 * producer corrected): each with its original key, value and headers, without the dead-letter headers. A request
 * that was already answered is answered again with the same outcome, so replaying twice is harmless.
 */
final class ReplayDeadLettersCommand implements Command {

    @Override
    public String name() {
        return "replay-dead-letters";
    }

    @Override
    public String usage() {
        return """
                replay-dead-letters --all
                replay-dead-letters --partition N --from-offset FIRST [--to-offset LAST]
                  Sends dead letters (all of them, or those of one partition from FIRST to LAST inclusive, or to
                  the end) back to the request topic, as they were first received.""";
    }

    @Override
    public Set<String> options() {
        return Set.of("partition", "from-offset", "to-offset");
    }

    @Override
    public Set<String> flags() {
        return Set.of("all");
    }

    @Override
    public int run(CommandOptions options, KafkaConnection kafka, PrintStream out) {
        boolean all = options.flag("all");
        Optional<Long> partition = options.number("partition");
        Optional<Long> first = options.number("from-offset");
        Optional<Long> last = options.number("to-offset");
        if (all == first.isPresent() || all && (partition.isPresent() || last.isPresent())) {
            throw CommandException.badArguments("Give either --all, or --partition and --from-offset");
        }
        if (!all && partition.isEmpty()) {
            throw CommandException.badArguments("--from-offset needs --partition");
        }
        kafka.checkReachable();
        String deadLetters = kafka.topics().deadLetter();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.bytesConsumer();
                KafkaProducer<byte[], byte[]> producer = kafka.bytesProducer()) {
            List<TopicPartition> partitions = kafka.partitions(consumer, deadLetters);
            if (!all) {
                partitions = partitions.stream().filter(p -> p.partition() == partition.get()).toList();
                if (partitions.isEmpty()) {
                    throw CommandException.badArguments(deadLetters + " has no partition " + partition.get());
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, KafkaConnection.TIMEOUT);
            if (all) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seek(partitions.get(0), first.get());
                long end = last.orElse(Long.MAX_VALUE - 1) + 1;
                ends.computeIfPresent(partitions.get(0), (p, offset) -> Math.min(offset, end));
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p, KafkaConnection.TIMEOUT) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition from = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() < ends.get(from)) {
                        sent.add(producer.send(replay(letter, kafka.topics().requested())));
                    }
                }
            }
            producer.flush();
            sent.forEach(kafka::await);
            out.println("Replayed " + sent.size() + " dead letters from " + deadLetters + " to "
                    + kafka.topics().requested());
            return 0;
        }
    }

    private static ProducerRecord<byte[], byte[]> replay(ConsumerRecord<byte[], byte[]> letter, String topic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers);
    }
}
