package sms.certificates.recall.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Prints committed outcomes as JSON lines, as they come. */
final class FollowCommand implements Command {

    @Override
    public String name() {
        return "follow";
    }

    @Override
    public String usage() {
        return """
                follow [--from-beginning] [--max COUNT] [--timeout DURATION]
                  Prints CertificateRecalled and RecallRejected records as JSON lines, as a read_committed
                  consumer sees them; stops after COUNT records or DURATION, else runs until interrupted.""";
    }

    @Override
    public Set<String> options() {
        return Set.of("max", "timeout");
    }

    @Override
    public Set<String> flags() {
        return Set.of("from-beginning");
    }

    @Override
    public int run(CommandOptions options, KafkaConnection kafka, PrintStream out) {
        long max = options.number("max").orElse(Long.MAX_VALUE);
        Instant until = options.duration("timeout").map(Instant.now()::plus).orElse(Instant.MAX);
        kafka.checkReachable();
        long printed = 0;
        try (OutcomeReader outcomes = options.flag("from-beginning") ? OutcomeReader.fromBeginning(kafka)
                : OutcomeReader.fromNow(kafka)) {
            while (printed < max && Instant.now().isBefore(until)) {
                for (String line : outcomes.poll(Duration.ofMillis(500))) {
                    if (printed++ < max) {
                        out.println(line);
                    }
                }
                out.flush();
            }
        }
        return 0;
    }
}
