package sms.certificates.recall.intake;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up while the brokers answer a cluster description within the timeout, through the worker's admin settings. */
class BrokerHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    BrokerHealthIndicator(Admin admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .withDetail("brokers", cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
