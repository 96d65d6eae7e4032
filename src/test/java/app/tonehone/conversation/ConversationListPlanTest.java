package app.tonehone.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The conversation list and the dashboard are keyset scans of V4's partial indexes, read
 * from EXPLAIN of the statements the service sends, as the request role in a tenant
 * transaction, with enough rows (90,000 conversations of 300 users, one with a thousand) for the
 * planner's choice to mean something: no sort of a user's conversations.
 */
@QuarkusTest
class ConversationListPlanTest {

    private static String plan(Connection connection, UUID user, ConversationRepository.Filter filter, boolean after)
            throws Exception {
        String sql = ConversationRepository.pageSql(filter, after)
                .replace(":user", "'" + user + "'").replace(":limit", "51").replace(":platform", "'hinge'")
                .replace(":afterTime", "now()").replace(":afterId", "'" + UUID.randomUUID() + "'");
        return String.join("\n", TestDatabase.query(connection, "explain (costs off) " + sql));
    }

    @Test
    void listsAndTheDashboardReadTheirPartialIndexesInOrder() throws Exception {
        UUID heavy = TestDatabase.createUser("heavy");
        TestDatabase.ownerExecute("""
                insert into conversations (id, user_id, person_name, platform, last_speaker, last_activity_at)
                select gen_random_uuid(), u, 'Match ' || g, (array['hinge','bumble','tinder','other'])[1 + g % 4],
                       case when g % 3 = 0 then 'them' when g % 3 = 1 then 'user' end,
                       now() - make_interval(mins => g)
                from (select ?::uuid as u) users, generate_series(1, 1000) g""", heavy);
        // 300 other users with 300 conversations each: 90,000 rows, as a small production table.
        TestDatabase.ownerExecute("""
                with others as (
                  insert into users (id, email, password_hash)
                  select gen_random_uuid(), 'plan-' || gen_random_uuid() || '@example.com', 'h' from generate_series(1, 300)
                  returning id)
                insert into conversations (id, user_id, person_name, last_speaker, last_activity_at)
                select gen_random_uuid(), o.id, 'Match ' || g, case when g % 2 = 0 then 'them' end,
                       now() - make_interval(mins => g)
                from others o, generate_series(1, 300) g""");
        TestDatabase.ownerExecute("analyze conversations");
        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            TestDatabase.query(connection, "select begin_tenant_transaction(?)", heavy);
            String list = plan(connection, heavy, new ConversationRepository.Filter(false, null, null), true);
            assertThat(list).contains("conversations_user_active_idx").doesNotContain("Sort");
            String archived = plan(connection, heavy, new ConversationRepository.Filter(true, null, null), false);
            assertThat(archived).contains("conversations_user_archived_idx").doesNotContain("Sort");
            String waiting = plan(connection, heavy, new ConversationRepository.Filter(false, null, true), true);
            assertThat(waiting).contains("conversations_user_waiting_idx").doesNotContain("Sort");
            String rest = plan(connection, heavy, new ConversationRepository.Filter(false, null, false), false);
            assertThat(rest).contains("conversations_user_active_idx").doesNotContain("Sort");
            String hinge = plan(connection, heavy, new ConversationRepository.Filter(false, Platform.HINGE, null), false);
            // With a platform filter the planner may gather that user's matching rows through the
            // same index and sort them (a quarter of one user's conversations): still no scan of others.
            assertThat(hinge).contains("conversations_user_active_idx").doesNotContain("Seq Scan");
            connection.rollback();
        }
    }
}
