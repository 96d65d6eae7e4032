package app.tonehone.common.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row-level security as the request role, with the service's own filters bypassed:
 * queries here have no WHERE on the user at all.
 */
@QuarkusTest
class RowLevelSecurityTest {

    private static final List<String> TENANT_TABLES = List.of("users", "tone_profiles", "conversations", "messages");

    private UUID alice;
    private UUID bob;

    @BeforeEach
    void createData() {
        alice = TestDatabase.createUser("alice");
        bob = TestDatabase.createUser("bob");
        TestDatabase.createConversation(alice, "Sam", 3);
        TestDatabase.createConversation(bob, "Alex", 2);
        TestDatabase.ownerExecute("insert into tone_profiles (id, user_id, name, playfulness, formality, forwardness, expressiveness)"
                + " values (?, ?, 'Mine', 5, 5, 5, 5)", UUID.randomUUID(), alice);
    }

    @Test
    void withoutAUserNothingIsVisible() throws SQLException {
        try (Connection connection = TestDatabase.asRequestRole()) {
            for (String table : TENANT_TABLES) {
                assertThat(count(connection, table)).as(table).isZero();
            }
        }
    }

    @Test
    void anEmptySettingLeftByAnEarlierTransactionSeesNothingAndRaisesNothing() throws SQLException {
        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            setUser(connection, alice.toString());
            assertThat(count(connection, "conversations")).isPositive();
            connection.commit();
            // The transaction-local setting is now '' on this connection, not NULL.
            connection.setAutoCommit(true);
            assertThat(TestDatabase.query(connection, "select current_setting('app.user_id', true)")).containsExactly("");
            for (String table : TENANT_TABLES) {
                assertThat(count(connection, table)).as(table).isZero();
            }
        }
    }

    @Test
    void aUserSeesOnlyTheirOwnRows() throws SQLException {
        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            setUser(connection, alice.toString());
            assertThat(TestDatabase.query(connection, "select id from users")).containsExactly(alice.toString());
            assertThat(TestDatabase.query(connection, "select distinct user_id from conversations")).containsExactly(alice.toString());
            assertThat(TestDatabase.query(connection, "select distinct user_id from messages")).containsExactly(alice.toString());
            assertThat(TestDatabase.query(connection, "select distinct user_id from tone_profiles")).containsExactly(alice.toString());
            connection.rollback();
        }
    }

    @Test
    void aUserCannotWriteAnotherUsersRows() throws SQLException {
        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            setUser(connection, alice.toString());
            assertThat(update(connection, "update conversations set notes = 'x'")).isEqualTo(1);
            assertThat(update(connection, "update users set credits_remaining = 1000")).isEqualTo(1);
            assertThat(update(connection, "delete from messages where user_id = '" + bob + "'")).isZero();
            assertThatThrownBy(() -> TestDatabase.query(connection,
                    "insert into conversations (id, user_id, person_name) values (?, ?, 'Intruder')", UUID.randomUUID(), bob))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            connection.rollback();
        }
        assertThat(TestDatabase.ownerQuery("select credits_remaining from users where id = ?", bob)).containsExactly("7");
    }

    @Test
    void theRequestRoleCannotReachPartitionsOrChangeTheSchema() throws SQLException {
        try (Connection connection = TestDatabase.asRequestRole()) {
            String partition = TestDatabase.query(connection,
                    "select 'messages_' || to_char(now() at time zone 'UTC', 'YYYY_MM')").getFirst();
            assertThatThrownBy(() -> TestDatabase.query(connection, "select count(*) from " + partition))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> TestDatabase.query(connection, "select count(*) from messages_default"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> TestDatabase.query(connection, "create table intruder (id int)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> TestDatabase.query(connection,
                    "insert into tone_presets (id, name, playfulness, formality, forwardness, expressiveness) values (?, 'x', 1, 1, 1, 1)",
                    UUID.randomUUID()))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> TestDatabase.query(connection, "alter table users disable row level security"))
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void theRequestRoleMayRunTheOwnersMaintenanceFunction() throws SQLException {
        try (Connection connection = TestDatabase.asRequestRole()) {
            assertThat(TestDatabase.query(connection, "select ensure_message_partitions(3)")).containsExactly("0");
            assertThat(TestDatabase.query(connection, "select current_user")).containsExactly("tonehone_app");
        }
        assertThat(TestDatabase.ownerQuery("select tableowner from pg_tables where tablename like 'messages_2%' group by 1"))
                .containsExactly("tonehone_owner");
    }

    @Test
    void theRolesAreWhatTheDesignSays() {
        assertThat(TestDatabase.ownerQuery("select rolname || ':' || rolsuper || ':' || rolbypassrls from pg_roles"
                + " where rolname in ('tonehone_owner', 'tonehone_app') order by 1"))
                .containsExactly("tonehone_app:false:false", "tonehone_owner:false:false");
        assertThat(TestDatabase.ownerQuery("select count(*) from pg_tables where schemaname = 'public'"
                + " and tableowner = 'tonehone_app'")).containsExactly("0");
        assertThat(TestDatabase.ownerQuery("select relname from pg_class where relname in"
                + " ('users', 'tone_profiles', 'conversations', 'messages') and relrowsecurity order by 1"))
                .containsExactly("conversations", "messages", "tone_profiles", "users");
    }

    private static void setUser(Connection connection, String userId) throws SQLException {
        TestDatabase.query(connection, "select set_config('app.user_id', ?, true)", userId);
    }

    private static long count(Connection connection, String table) throws SQLException {
        return Long.parseLong(TestDatabase.query(connection, "select count(*) from " + table).getFirst());
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }
}
