package sms.certificates.recall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import sms.certificates.recall.ops.OperatorCommands;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RecallWorkerApplication {

    public static void main(String[] args) {
        if (OperatorCommands.isCommand(args)) {
            System.exit(OperatorCommands.run(args, System.out, System.err));
        }
        SpringApplication.run(RecallWorkerApplication.class, args);
    }
}
