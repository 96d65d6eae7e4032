package app.tonehone.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/** The migration chain and the rules the schema itself enforces. */
@QuarkusTest
class SchemaMigrationsTest {

    @Inject
    Flyway flyway;

    @Test
    void theChainIsFullyAppliedAndMigratingAgainDoesNothing() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).allMatch(info -> info.getState() == MigrationState.SUCCESS);
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void flywayHoldsASessionLockSoConcurrentIndexMigrationsCanRun() {
        assertThat(flyway.getConfiguration().getPluginRegister()
                .getPlugin(PostgreSQLConfigurationExtension.class).isTransactionalLock()).isFalse();
    }

    @Test
    void theCurrentMonthAndTheNextThreeHaveUtcPartitions() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        List<String> bounds = TestDatabase.ownerQuery("""
                select c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)
                from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'messages'::regclass order by c.relname""");
        for (int i = 0; i <= 3; i++) {
            YearMonth m = month.plusMonths(i);
            String name = "messages_" + m.format(DateTimeFormatter.ofPattern("yyyy_MM"));
            assertThat(bounds).contains(name + " FOR VALUES FROM ('" + m.atDay(1) + " 00:00:00+00') TO ('"
                    + m.plusMonths(1).atDay(1) + " 00:00:00+00')");
        }
        assertThat(bounds).contains("messages_default DEFAULT");
    }

    @Test
    void ensuringPartitionsIsIdempotentAndReachesBack() {
        assertThat(TestDatabase.ownerQuery("select ensure_message_partitions(3)")).containsExactly("0");
        String old = "messages_" + YearMonth.now(ZoneOffset.UTC).minusMonths(14).format(DateTimeFormatter.ofPattern("yyyy_MM"));
        TestDatabase.ownerQuery("select ensure_message_partitions(0, 14)");
        assertThat(TestDatabase.ownerQuery("select to_regclass(?)::text", old)).containsExactly(old);
        assertThat(TestDatabase.ownerQuery("select count(*) from pg_indexes where tablename = ?", old)).containsExactly("2");
        assertThatThrownBy(() -> TestDatabase.ownerQuery("select ensure_message_partitions(100)"))
                .hasMessageContaining("months_ahead");
    }

    @Test
    void messagesGetTheirCreatedAtFromTheDatabaseClockAndLandInTheirMonth() {
        UUID user = TestDatabase.createUser("clock");
        UUID conversation = TestDatabase.createConversation(user, "Sam", 1);
        assertThat(TestDatabase.ownerQuery("""
                select tableoid::regclass::text = 'messages_' || to_char(now() at time zone 'UTC', 'YYYY_MM')
                       and created_at >= (select created_at from conversations where id = ?)
                from messages where conversation_id = ?""", conversation, conversation)).containsExactly("t");
    }

    @Test
    void emailsAreUniqueRegardlessOfCase() {
        UUID first = UUID.randomUUID();
        String email = "Case.Test-" + first + "@Example.com";
        TestDatabase.ownerExecute("insert into users (id, email, password_hash) values (?, ?, 'h')", first, email);
        assertThatThrownBy(() -> TestDatabase.ownerExecute("insert into users (id, email, password_hash) values (?, ?, 'h')",
                UUID.randomUUID(), email.toLowerCase()))
                .hasMessageContaining("users_email_lower_key");
    }

    @Test
    void checkConstraintsGuardTheData() {
        UUID user = TestDatabase.createUser("checks");
        UUID conversation = TestDatabase.createConversation(user, "Sam", 0);
        expectViolation("users_credits_remaining_check", "update users set credits_remaining = -1 where id = ?", user);
        expectViolation("tone_profiles_axes_check", "insert into tone_profiles (id, user_id, name, playfulness, formality,"
                + " forwardness, expressiveness) values (?, ?, 'x', 11, 5, 5, 5)", UUID.randomUUID(), user);
        expectViolation("messages_content_length_check", "insert into messages (id, user_id, conversation_id, seq, speaker,"
                + " content) values (?, ?, ?, 1, 'them', repeat('é', 10001))", UUID.randomUUID(), user, conversation);
        expectViolation("messages_speaker_check", "insert into messages (id, user_id, conversation_id, seq, speaker,"
                + " content) values (?, ?, ?, 1, 'robot', 'hi')", UUID.randomUUID(), user, conversation);
        expectViolation("conversations_platform_check", "update conversations set platform = 'myspace' where id = ?", conversation);
        // 10,000 code points of a two-byte character fit.
        TestDatabase.ownerExecute("insert into messages (id, user_id, conversation_id, seq, speaker, content)"
                + " values (?, ?, ?, 1, 'them', repeat('é', 10000))", UUID.randomUUID(), user, conversation);
    }

    @Test
    void aMessageCannotPointAtAnotherUsersConversation() {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        UUID bobsConversation = TestDatabase.createConversation(bob, "Alex", 0);
        expectViolation("messages_conversation_fkey", "insert into messages (id, user_id, conversation_id, seq, speaker,"
                + " content) values (?, ?, ?, 1, 'them', 'hi')", UUID.randomUUID(), alice, bobsConversation);
    }

    @Test
    void aConversationCannotUseAnotherUsersToneProfile() {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        UUID bobsProfile = UUID.randomUUID();
        TestDatabase.ownerExecute("insert into tone_profiles (id, user_id, name, playfulness, formality, forwardness,"
                + " expressiveness) values (?, ?, 'Bold', 9, 2, 9, 8)", bobsProfile, bob);
        expectViolation("conversations_tone_profile_fkey", "insert into conversations (id, user_id, person_name,"
                + " tone_profile_id) values (?, ?, 'Sam', ?)", UUID.randomUUID(), alice, bobsProfile);
    }

    @Test
    void theToneVectorIsComputedFromTheAxes() {
        UUID user = TestDatabase.createUser("tone");
        TestDatabase.ownerExecute("insert into tone_profiles (id, user_id, name, playfulness, formality, forwardness,"
                + " expressiveness) values (?, ?, 'Warm', 7, 3, 5, 8)", UUID.randomUUID(), user);
        assertThat(TestDatabase.ownerQuery("select tone_vector::text from tone_profiles where user_id = ?", user))
                .containsExactly("(7, 3, 5, 8)");
    }

    @Test
    void searchVectorsUseTheProjectsOwnConfiguration() {
        assertThat(TestDatabase.ownerQuery("""
                select pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d join pg_attribute a
                  on a.attrelid = d.adrelid and a.attnum = d.adnum
                where d.adrelid = 'messages'::regclass and a.attname = 'content_tsv'""").getFirst())
                .contains("tonehone");
    }

    private static void expectViolation(String constraint, String sql, Object... parameters) {
        try (Connection connection = TestDatabase.asOwner()) {
            assertThatThrownBy(() -> TestDatabase.query(connection, sql, parameters)).hasMessageContaining(constraint);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
