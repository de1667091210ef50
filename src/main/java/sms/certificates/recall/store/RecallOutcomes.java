package sms.certificates.recall.store;

import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import sms.certificates.recall.decision.RequestKey;

/** Every answer given, by request: the idempotency record. */
@Repository
class RecallOutcomes {

    private static final String FIND = """
            SELECT request_key, event_id, outcome, event, decided_at FROM recall_outcomes
            WHERE request_key = ANY(?::bytea[])""";

    private static final String SAVE = """
            INSERT INTO recall_outcomes (request_key, event_id, outcome, event, decided_at)
            SELECT key, event_id, outcome, event, timestamptz 'epoch' + decided_at_ms * interval '1 millisecond'
            FROM unnest(?::bytea[], ?::uuid[], ?::text[], ?::bytea[], ?::int8[])
                AS o(key, event_id, outcome, event, decided_at_ms)""";

    private final JdbcClient jdbc;

    RecallOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<RequestKey, StoredOutcome> findAll(Collection<RequestKey> keys) {
        Map<ByteBuffer, RequestKey> byHash = new HashMap<>();
        keys.forEach(key -> byHash.put(ByteBuffer.wrap(key.digest()), key));
        Map<RequestKey, StoredOutcome> found = new HashMap<>();
        jdbc.sql(FIND)
                .param(SqlArrays.bytea(byHash.keySet(), ByteBuffer::array))
                .query(rs -> {
                    RequestKey key = byHash.get(ByteBuffer.wrap(rs.getBytes("request_key")));
                    found.put(key, new StoredOutcome(key, rs.getObject("event_id", UUID.class),
                            rs.getString("outcome"), rs.getBytes("event"),
                            rs.getObject("decided_at", OffsetDateTime.class).toInstant()));
                });
        return found;
    }

    /**
     * Fails with a duplicate key when another worker answered one of these requests since they were looked up. Rows
     * go in key order, so that two workers inserting the same keys queue instead of deadlocking.
     */
    void saveAll(List<StoredOutcome> answers) {
        List<Row> rows = answers.stream()
                .map(answer -> new Row(answer.requestKey().digest(), answer))
                .sorted(Comparator.comparing(Row::key, Arrays::compareUnsigned))
                .toList();
        jdbc.sql(SAVE)
                .params(
                        SqlArrays.bytea(rows, Row::key),
                        SqlArrays.text(rows, row -> row.answer().eventId().toString()),
                        SqlArrays.text(rows, row -> row.answer().outcome()),
                        SqlArrays.bytea(rows, row -> row.answer().event()),
                        SqlArrays.bigint(rows, row -> row.answer().decidedAt().toEpochMilli()))
                .update();
    }

    private record Row(byte[] key, StoredOutcome answer) {
    }
}
