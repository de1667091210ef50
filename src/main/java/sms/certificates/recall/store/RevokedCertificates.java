package sms.certificates.recall.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import sms.certificates.recall.decision.CertificateRef;
import sms.certificates.recall.decision.Outcome.Recalled;

/** Recalled documents, kept for good: this class only ever reads and inserts. */
@Repository
class RevokedCertificates {

    private static final String FIND_AMONG = """
            SELECT r.tenant_id, r.certificate_id FROM revoked_certificates r
            JOIN unnest(?::text[], ?::text[]) AS asked(tenant_id, certificate_id) USING (tenant_id, certificate_id)""";

    // One statement for the whole batch: the rows leave certificates and their full copies, with the recall,
    // enter the revoked store. Instants travel as epoch milliseconds, exactly as the events carry them.
    private static final String MOVE_IN = """
            WITH recall AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::int8[], ?::int8[])
                    AS r(certificate_id, request_id, event_id, reason_category, reason, recalled_by_user_id,
                         recalled_by_name, recalled_by_role, requested_at_ms, recalled_at_ms)
            ), moved AS (
                DELETE FROM certificates c USING recall r WHERE c.certificate_id = r.certificate_id
                RETURNING c.*
            )
            INSERT INTO revoked_certificates (%s, request_id, event_id, reason_category, reason, recalled_by_user_id,
                                              recalled_by_name, recalled_by_role, requested_at, recalled_at)
            SELECT %s, r.request_id, r.event_id, r.reason_category, r.reason, r.recalled_by_user_id,
                   r.recalled_by_name, r.recalled_by_role,
                   timestamptz 'epoch' + r.requested_at_ms * interval '1 millisecond',
                   timestamptz 'epoch' + r.recalled_at_ms * interval '1 millisecond'
            FROM moved m JOIN recall r USING (certificate_id)"""
            .formatted(Certificates.COLUMNS, prefixed("m.", Certificates.COLUMNS));

    private final JdbcClient jdbc;

    RevokedCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these documents this tenant has already recalled. */
    Set<CertificateRef> findAmong(Collection<CertificateRef> asked) {
        return new HashSet<>(jdbc.sql(FIND_AMONG)
                .params(SqlArrays.text(asked, CertificateRef::tenantId),
                        SqlArrays.text(asked, CertificateRef::certificateId))
                .query((rs, row) -> new CertificateRef(rs.getString(1), rs.getString(2)))
                .list());
    }

    /** Moves the recalled documents, which the caller holds locked, from certificates into the revoked store. */
    void moveIn(List<Recalled> recalls) {
        int moved = jdbc.sql(MOVE_IN)
                .params(
                        SqlArrays.text(recalls, r -> r.certificate().certificateId()),
                        SqlArrays.text(recalls, r -> r.requestId().toString()),
                        SqlArrays.text(recalls, r -> r.eventId().toString()),
                        SqlArrays.text(recalls, r -> r.request().reasonCategory().name()),
                        SqlArrays.text(recalls, Recalled::trimmedReason),
                        SqlArrays.text(recalls, r -> r.request().requestedBy().userId()),
                        SqlArrays.text(recalls, r -> r.request().requestedBy().displayName()),
                        SqlArrays.text(recalls, r -> r.request().requestedBy().role()),
                        SqlArrays.bigint(recalls, r -> r.request().requestedAt().toEpochMilli()),
                        SqlArrays.bigint(recalls, r -> r.recalledAt().toEpochMilli()))
                .update();
        if (moved != recalls.size()) {
            throw new IllegalStateException("Moved " + moved + " of " + recalls.size()
                    + " recalled documents: their rows were not held locked");
        }
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", List.of(columns.split(",\\s*")).stream().map(c -> prefix + c.strip()).toList());
    }
}
