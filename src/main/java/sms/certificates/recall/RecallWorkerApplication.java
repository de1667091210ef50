package sms.certificates.recall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RecallWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecallWorkerApplication.class, args);
    }
}
