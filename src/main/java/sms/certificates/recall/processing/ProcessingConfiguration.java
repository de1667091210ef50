package sms.certificates.recall.processing;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import sms.certificates.recall.decision.BatchDecider;
import sms.certificates.recall.outcome.OutcomeEncoder;
import sms.certificates.recall.store.RecallStore;

@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * Declared here because Boot backs off its own once the Kafka transaction manager exists; primary, so that the
     * Kafka one is used only where asked for by name (the listener container).
     */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    RecallProcessor recallProcessor(RecallStore store, OutcomeEncoder encoder,
            JdbcTransactionManager transactionManager, MeterRegistry meters) {
        TransactionTemplate databaseTransaction = new TransactionTemplate(transactionManager);
        // Ends the batch's database work well inside the Kafka transaction's timeout (30 s): statements get the time
        // that is left as their query timeout.
        databaseTransaction.setTimeout(15);
        return new RecallProcessor(store, new BatchDecider(Clock.systemUTC(), UUID::randomUUID), encoder,
                databaseTransaction, meters);
    }
}
