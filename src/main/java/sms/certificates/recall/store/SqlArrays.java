package sms.certificates.recall.store;

import java.util.Collection;
import java.util.function.Function;

import org.springframework.jdbc.support.SqlArrayValue;

/** Array parameters for {@code unnest(?::type[], …)}: a whole batch in one statement. */
final class SqlArrays {

    private SqlArrays() {
    }

    static <T> SqlArrayValue text(Collection<T> rows, Function<T, String> column) {
        return new SqlArrayValue("text", rows.stream().map(column).toArray());
    }

    static <T> SqlArrayValue bigint(Collection<T> rows, Function<T, Long> column) {
        return new SqlArrayValue("int8", rows.stream().map(column).toArray());
    }

    static <T> SqlArrayValue bytea(Collection<T> rows, Function<T, byte[]> column) {
        return new SqlArrayValue("bytea", rows.stream().map(column).toArray(byte[][]::new));
    }
}
