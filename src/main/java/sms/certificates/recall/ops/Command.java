package sms.certificates.recall.ops;

import java.io.PrintStream;
import java.util.Set;

interface Command {

    String name();

    String usage();

    /** Options that take a value. */
    Set<String> options();

    /** Options that take none. */
    default Set<String> flags() {
        return Set.of();
    }

    /** Runs to the end and returns the exit status; failures are {@link CommandException}s. */
    int run(CommandOptions options, KafkaConnection kafka, PrintStream out);
}
