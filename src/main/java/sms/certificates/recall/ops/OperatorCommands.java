package sms.certificates.recall.ops;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import sms.certificates.recall.RecallTopics;

/**
 * {@code java -jar certificate-recall-worker.jar <command> [options]}: commands for operators and scripts, configured
 * like the worker (its {@code application.yml}, environment variables, {@code --spring.kafka.…} arguments). Exit
 * status 0 on success, 2 for bad arguments, 3 when Kafka cannot be reached or does not answer in time.
 */
public final class OperatorCommands {

    private static final List<Command> COMMANDS = List.of(new SubmitCommand(), new FollowCommand(),
            new ReplayDeadLettersCommand());

    private OperatorCommands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && (command(args[0]).isPresent() || args[0].equals("help"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help")) {
            out.println(usage());
            return 0;
        }
        Command command = command(args[0]).orElse(null);
        if (command == null) {
            err.println("Unknown command '" + args[0] + "'\n\n" + usage());
            return CommandException.BAD_ARGUMENTS;
        }
        try {
            CommandOptions options = CommandOptions.parse(Arrays.asList(args).subList(1, args.length),
                    command.options(), command.flags());
            try (ConfigurableApplicationContext settings = settings(options.settings())) {
                KafkaConnection kafka = new KafkaConnection(settings.getBean(KafkaProperties.class),
                        settings.getBean(RecallTopics.class));
                return command.run(options, kafka, out);
            }
        } catch (CommandException e) {
            err.println(e.getMessage());
            if (e.exitStatus() == CommandException.BAD_ARGUMENTS) {
                err.println("\nUsage: " + command.usage());
            }
            return e.exitStatus();
        }
    }

    private static Optional<Command> command(String name) {
        return COMMANDS.stream().filter(command -> command.name().equals(name)).findFirst();
    }

    private static String usage() {
        return "Commands (java -jar certificate-recall-worker.jar COMMAND [options] [--spring.kafka.…=…]):\n\n"
                + COMMANDS.stream().map(Command::usage).collect(Collectors.joining("\n\n"));
    }

    /** The worker's configuration, without starting the worker: only the Kafka settings and topic names. */
    private static ConfigurableApplicationContext settings(String[] args) {
        return new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(Stream.concat(Stream.of(args), Stream.of("--logging.level.root=OFF")).toArray(String[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({KafkaProperties.class, RecallTopics.class})
    static class Settings {
    }
}
