package app.tonehone.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/** Which failures are a lost database connection (a 503 to retry) rather than a bug (a 500). */
class DatabaseErrorsTest {

    private static PgException postgres(String sqlState) {
        return new PgException("not shown", "FATAL", sqlState, null);
    }

    @Test
    void restartsFailoversAndBrokenConnectionsAreConnectionLoss() {
        assertThat(DatabaseErrors.connectionLost(postgres("57P01"))).isTrue(); // admin shutdown (a restart)
        assertThat(DatabaseErrors.connectionLost(postgres("57P03"))).isTrue(); // cannot connect now (starting up)
        assertThat(DatabaseErrors.connectionLost(postgres("08006"))).isTrue(); // connection failure
        assertThat(DatabaseErrors.connectionLost(new HibernateException(new CompletionException(ClosedConnectionException.INSTANCE))))
                .isTrue();
        assertThat(DatabaseErrors.connectionLost(new CompletionException(new ConnectException("refused")))).isTrue();
        // A COMMIT on a connection that just closed, composed with the rollback's failure.
        assertThat(DatabaseErrors.connectionLost(new CompositeException(new IllegalStateException(),
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")))).isTrue();
        Throwable suppressedReset = new IllegalStateException();
        suppressedReset.addSuppressed(new java.net.SocketException("Connection reset"));
        assertThat(DatabaseErrors.connectionLost(suppressedReset)).isTrue();
    }

    @Test
    void everythingElseIsNot() {
        assertThat(DatabaseErrors.connectionLost(postgres("23505"))).isFalse(); // unique violation
        assertThat(DatabaseErrors.connectionLost(postgres("57014"))).isFalse(); // statement timeout
        assertThat(DatabaseErrors.connectionLost(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseErrors.connectionLost(new NoStackTraceThrowable("Timeout"))).isFalse();
        assertThat(DatabaseErrors.connectionLost(null)).isFalse();
    }
}
