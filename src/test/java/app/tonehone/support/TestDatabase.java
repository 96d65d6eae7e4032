package app.tonehone.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC connections to the test database, for fixtures and for checks that must go
 * around the service: as the schema owner (not subject to row-level security) or as the
 * request role (subject to it). Blocking, for test threads only.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection asOwner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(jdbcUrl(),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    public static Connection asRequestRole() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(jdbcUrl(),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /** Runs one statement as the owner; returns the rows of its first column, as strings. */
    public static List<String> ownerQuery(String sql, Object... parameters) {
        try (Connection connection = asOwner()) {
            return query(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
            }
            return values;
        }
    }

    public static void ownerExecute(String sql, Object... parameters) {
        ownerQuery(sql, parameters);
    }

    /** A live user with a unique email; returns its id. */
    public static UUID createUser(String emailPrefix) {
        UUID id = UUID.randomUUID();
        ownerExecute("insert into users (id, email, password_hash, credits_remaining) values (?, ?, 'not-a-real-hash', 7)",
                id, emailPrefix + "-" + id + "@example.com");
        return id;
    }

    /** A conversation of the user with {@code messages} messages (seq 1..n); returns its id. */
    public static UUID createConversation(UUID userId, String personName, int messages) {
        UUID id = UUID.randomUUID();
        ownerExecute("insert into conversations (id, user_id, person_name, last_seq, message_count) values (?, ?, ?, ?, ?)",
                id, userId, personName, messages, messages);
        for (int seq = 1; seq <= messages; seq++) {
            ownerExecute("insert into messages (id, user_id, conversation_id, seq, speaker, content) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), userId, id, seq, seq % 2 == 0 ? "user" : "them", "message " + seq);
        }
        return id;
    }
}
