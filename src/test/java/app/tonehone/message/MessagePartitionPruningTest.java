package app.tonehone.message;

import static app.tonehone.message.MessageResourceTest.newConversation;
import static org.assertj.core.api.Assertions.assertThat;

import app.tonehone.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every per-conversation message query carries created_at >= the conversation's created_at,
 * so PostgreSQL never reads the partitions of months before the conversation existed. Read
 * from EXPLAIN of the statement the service sends, as the request role, inside a tenant
 * transaction: once with the values planned in (custom plan) and once as a generic prepared
 * plan, where the pruning happens at execution.
 */
@QuarkusTest
class MessagePartitionPruningTest {

    private static String partition(YearMonth month) {
        return "messages_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
    }

    @Test
    void pagesOfANewConversationSkipEveryOlderPartition() throws Exception {
        TestDatabase.ownerQuery("select ensure_message_partitions(0, 6)");
        UUID user = TestDatabase.createUser("pruning");
        String conversation = newConversation(user);
        String since = createdAt(conversation);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            TestDatabase.query(connection, "select begin_tenant_transaction(?)", user);
            preparePage(connection);

            // EXPLAIN takes no bind parameters: the values (ids and a timestamp of our own) go in as literals.
            String arguments = "'" + conversation + "', '" + user + "', '" + since + "', 0, 100, 51";
            String custom = String.join("\n", TestDatabase.query(connection, "explain (costs off) execute page(" + arguments + ")"));
            assertThat(custom).contains(partition(now));
            for (int back = 1; back <= 6; back++) {
                assertThat(custom).doesNotContain(partition(now.minusMonths(back)));
            }
            // The DEFAULT partition has no range, so no bound excludes it; it is meant to stay empty.

            TestDatabase.query(connection, "set local plan_cache_mode = force_generic_plan");
            List<String> generic = TestDatabase.query(connection,
                    "explain (analyze, costs off, timing off, summary off) execute page(" + arguments + ")");
            String plan = String.join("\n", generic);
            assertThat(plan).containsPattern("Subplans Removed: [1-9]");
            for (int back = 1; back <= 6; back++) {
                assertThat(plan).doesNotContain(partition(now.minusMonths(back)));
            }
            connection.rollback();
        }
    }

    /**
     * The same for every other statement on one conversation's messages: marks, delete and the
     * recount after it, and the archive's move to cold storage. Planned with the values in, as
     * the request role, inside a tenant transaction (EXPLAIN does not run them).
     */
    @Test
    void everyOtherStatementOnAConversationsMessagesSkipsOlderPartitionsToo() throws Exception {
        TestDatabase.ownerQuery("select ensure_message_partitions(0, 6)");
        UUID user = TestDatabase.createUser("pruning-all");
        String conversation = newConversation(user);
        String since = createdAt(conversation);
        Map<String, String> values = Map.of("conversation", "'" + conversation + "'::uuid", "user", "'" + user + "'::uuid",
                "since", "'" + since + "'::timestamptz", "message", "'" + UUID.randomUUID() + "'::uuid",
                "keyMoment", "true", "setScore", "true", "score", "3");
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            TestDatabase.query(connection, "select begin_tenant_transaction(?)", user);
            for (String sql : List.of(MessageRepository.MARK, MessageRepository.DELETE, MessageRepository.RECOMPUTE_AFTER_DELETE,
                    MessageArchive.MOVE_OUT, MessageArchive.DELETE_HOT)) {
                String planned = Pattern.compile("(?<![:\\w]):(\\w+)").matcher(sql)
                        .replaceAll(parameter -> values.get(parameter.group(1)));
                String plan = String.join("\n", TestDatabase.query(connection, "explain (costs off) " + planned));
                assertThat(plan).as(sql).contains(partition(now));
                for (int back = 1; back <= 6; back++) {
                    assertThat(plan).as(sql).doesNotContain(partition(now.minusMonths(back)));
                }
            }
            connection.rollback();
        }
    }

    /**
     * The page's generic plan does not know how long the conversation is; the window bounds
     * what any plan reads (bench/rls saw an unbounded generic plan fetch and sort a whole
     * 20,000-message conversation for each page). Here no plan node of a window of 100 seq
     * values over a 3,000-message conversation handles more than 100 rows.
     */
    @Test
    void aPageWindowReadsNoMoreThanItsWidthWhateverThePlan() throws Exception {
        UUID user = TestDatabase.createUser("window");
        UUID conversation = TestDatabase.createConversation(user, "Long", 0);
        TestDatabase.ownerExecute("""
                insert into messages (id, user_id, conversation_id, seq, speaker, content)
                select gen_random_uuid(), ?, ?, seq, case when seq % 2 = 0 then 'user' else 'them' end, 'message ' || seq
                from generate_series(1, 3000) seq""", user, conversation);
        TestDatabase.ownerExecute("update conversations set last_seq = 3000, message_count = 3000 where id = ?", conversation);
        TestDatabase.ownerExecute("analyze messages");
        String since = createdAt(conversation.toString());
        try (Connection connection = TestDatabase.asRequestRole()) {
            connection.setAutoCommit(false);
            TestDatabase.query(connection, "select begin_tenant_transaction(?)", user);
            preparePage(connection);
            String arguments = "'" + conversation + "', '" + user + "', '" + since + "', 2900, 3001, 51";
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                TestDatabase.query(connection, "set local plan_cache_mode = " + mode);
                String plan = String.join("\n", TestDatabase.query(connection,
                        "explain (analyze, costs off, timing off, summary off) execute page(" + arguments + ")"));
                assertThat(rowCounts(plan)).as(mode + ":\n" + plan).isNotEmpty().allMatch(rows -> rows <= 100);
            }
            connection.rollback();
        }
    }

    private static String createdAt(String conversation) {
        return TestDatabase.ownerQuery("select created_at::text from conversations where id = ?::uuid", conversation).getFirst();
    }

    private static void preparePage(Connection connection) throws Exception {
        String sql = MessageRepository.PAGE_DESC
                .replace(":conversation", "$1").replace(":user", "$2").replace(":since", "$3")
                .replace(":above", "$4").replace(":below", "$5").replace(":limit", "$6");
        try (var statement = connection.createStatement()) {
            // Simple protocol: $n here are PREPARE's own parameters.
            statement.execute("prepare page(uuid, uuid, timestamptz, bigint, bigint, int) as " + sql);
        }
    }

    private static List<Integer> rowCounts(String plan) {
        return Pattern.compile("actual rows=(\\d+)").matcher(plan).results()
                .map(match -> Integer.parseInt(match.group(1))).toList();
    }
}
