package sms.certificates.recall.intake;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Which failures are the world's (the database, the broker or the registry unreachable, a lost race, the schema not
 * as expected: wait and retry the whole batch) and which may be a record's own (bad data in one document's row, a
 * constraint on one delete: find the record and set it aside).
 */
final class Failures {

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransactionException
                    // a lost race on a request id: the retry finds the winner's answer
                    || cause instanceof DuplicateKeyException
                    // the database's schema or permissions are not what the worker needs: every record would fail
                    || cause instanceof InvalidDataAccessResourceUsageException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof RetriableException || cause instanceof AuthenticationException
                    || cause instanceof AuthorizationException || cause instanceof InterruptException
                    || cause instanceof InterruptedException || isNetworkFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    /** A connection refused, reset or timed out ({@code java.net}); not an {@code EOFException} in bad Avro. */
    private static boolean isNetworkFailure(Throwable cause) {
        return cause instanceof IOException && cause.getClass().getPackageName().startsWith("java.net");
    }
}
