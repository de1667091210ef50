package sms.certificates.recall.harness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import sms.certificates.recall.decision.RequestKey;
import sms.certificates.recall.support.OutcomeLog;

/**
 * The contract's guarantees, checked after a run against what a {@code read_committed} consumer saw and what
 * PostgreSQL holds for the run's tenants.
 */
public final class Invariants {

    private Invariants() {
    }

    public static void check(Workload workload, OutcomeLog log, DataSource dataSource, FaultReport report) {
        List<Workload.Request> requests = workload.requests();
        Set<String> resent = workload.resent().stream().map(Workload.Request::requestId).collect(Collectors.toSet());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        SqlArrayValue tenants = new SqlArrayValue("text", workload.tenants().toArray());

        int unanswered = 0;
        int manyEventIds = 0;
        int extraRecords = 0;
        int unexpected = 0;
        StringBuilder examples = new StringBuilder();
        for (Workload.Request request : requests) {
            List<OutcomeLog.Outcome> outcomes = log.of(request.requestId());
            if (outcomes.isEmpty()) {
                unanswered++;
                continue;
            }
            if (outcomes.stream().map(OutcomeLog.Outcome::eventId).distinct().count() != 1) {
                manyEventIds++;
            }
            if (!resent.contains(request.requestId()) && outcomes.size() != 1) {
                extraRecords++;
            }
            if (!request.expected().contains(outcomes.get(0).result())) {
                if (unexpected++ < 3) {
                    examples.append(request.requestId()).append(": ").append(outcomes.get(0).result())
                            .append(" not in ").append(request.expected()).append("; ");
                }
            }
        }
        report.check("every request answered", unanswered == 0,
                (requests.size() - unanswered) + " of " + requests.size() + " requests answered");
        report.check("one eventId per requestId", manyEventIds == 0,
                manyEventIds + " requests with more than one eventId; " + log.outcomes().size() + " outcome records");
        report.check("one outcome record per request sent once", extraRecords == 0,
                extraRecords + " of " + (requests.size() - resent.size()) + " single-sent requests seen more than once;"
                        + " " + resent.size() + " requests sent twice; " + log.rereads()
                        + " records met again by the verifier at a position already read");
        report.check("every outcome is a correct one", unexpected == 0, unexpected + " unexpected outcomes " + examples);

        Map<String, Set<UUID>> recalledEvents = new HashMap<>();
        log.outcomes().stream().filter(o -> o.result().equals(OutcomeLog.RECALLED))
                .forEach(o -> recalledEvents.computeIfAbsent(o.certificateId(), id -> new HashSet<>()).add(o.eventId()));
        long recalledTwice = recalledEvents.values().stream().filter(events -> events.size() > 1).count();
        report.check("no document recalled twice", recalledTwice == 0,
                recalledTwice + " documents with more than one CertificateRecalled event");

        Map<String, UUID> revoked = new HashMap<>();
        jdbc.sql("SELECT certificate_id, event_id FROM revoked_certificates WHERE tenant_id = ANY(?)")
                .param(tenants).query(rs -> {
                    revoked.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        Map<String, UUID> published = new HashMap<>();
        recalledEvents.forEach((certificate, events) -> published.put(certificate, events.iterator().next()));
        report.check("revoked rows equal CertificateRecalled events", revoked.equals(published),
                revoked.size() + " revoked rows, " + published.size() + " distinct CertificateRecalled events");

        int inBoth = jdbc.sql("""
                SELECT count(*) FROM certificates c JOIN revoked_certificates r USING (certificate_id)
                WHERE c.tenant_id = ANY(?)""").param(tenants).query(Integer.class).single();
        report.check("no document in both tables", inBoth == 0, inBoth + " documents in both tables");

        int outOfOrder = jdbc.sql("""
                SELECT count(*) FROM revoked_certificates r
                WHERE r.tenant_id = ANY(?) AND (
                    EXISTS (SELECT 1 FROM certificates c WHERE c.tenant_id = r.tenant_id
                            AND c.enrolment_id = r.enrolment_id AND c.issue_sequence > r.issue_sequence)
                    OR EXISTS (SELECT 1 FROM revoked_certificates l WHERE l.tenant_id = r.tenant_id
                            AND l.enrolment_id = r.enrolment_id AND l.issue_sequence > r.issue_sequence
                            AND l.recalled_at > r.recalled_at))""").param(tenants).query(Integer.class).single();
        report.check("never recalled while a later document was current", outOfOrder == 0,
                outOfOrder + " recalls before a later document of their enrolment left");

        Map<String, UUID> stored = storedEventIds(jdbc, requests);
        long mismatched = requests.stream().filter(r -> !log.of(r.requestId()).isEmpty())
                .filter(r -> !log.of(r.requestId()).get(0).eventId().equals(
                        stored.get(HexFormat.of().formatHex(key(r).digest()))))
                .count();
        report.check("stored answers match published ones", mismatched == 0,
                stored.size() + " stored answers; " + mismatched + " differ from the published eventId");
    }

    private static Map<String, UUID> storedEventIds(JdbcClient jdbc, List<Workload.Request> requests) {
        Map<String, UUID> stored = new HashMap<>();
        List<byte[]> keys = requests.stream().map(r -> key(r).digest()).toList();
        for (int from = 0; from < keys.size(); from += 10_000) {
            List<byte[]> chunk = keys.subList(from, Math.min(from + 10_000, keys.size()));
            jdbc.sql("SELECT encode(request_key, 'hex'), event_id FROM recall_outcomes WHERE request_key = ANY(?)")
                    .param(new SqlArrayValue("bytea", chunk.toArray(byte[][]::new)))
                    .query(rs -> {
                        stored.put(rs.getString(1), rs.getObject(2, UUID.class));
                    });
        }
        return stored;
    }

    private static RequestKey key(Workload.Request request) {
        return RequestKey.of(request.message().getTenantId(), request.requestId());
    }
}
