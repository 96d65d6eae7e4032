package app.tonehone.common.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.tonehone.support.TestDatabase;
import app.tonehone.support.TestTokens;
import io.quarkus.hibernate.orm.runtime.JPAConfig;
import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's query plan cache must not grow with the number of requests. With Hibernate
 * Reactive 3.2 every native query added a plan that no later call matched, and each call
 * compared itself against all of them (application.properties turns the cache off). Either
 * fix (no cache, or plans that match) keeps the count flat; the defect makes it climb.
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    JPAConfig persistenceUnits;

    private QueryInterpretationCache planCache() {
        return persistenceUnits.getEntityManagerFactory(PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME, true)
                .unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
    }

    @Test
    void repeatedRequestsAddNoQueryPlans() {
        UUID user = TestDatabase.createUser("plans");
        UUID conversation = TestDatabase.createConversation(user, "Sam", 3);
        String token = TestTokens.accessToken(user);
        Runnable requests = () -> {
            for (int i = 0; i < 20; i++) {
                given().auth().oauth2(token).get("/api/v1/conversations/" + conversation).then().statusCode(200);
                given().auth().oauth2(token).get("/api/v1/conversations/" + conversation + "/messages").then().statusCode(200);
                given().auth().oauth2(token).get("/api/v1/dashboard").then().statusCode(200);
            }
        };

        requests.run(); // whatever a first call caches
        int before = planCache().getNumberOfCachedQueryPlans();
        requests.run();

        assertThat(planCache().getNumberOfCachedQueryPlans()).isEqualTo(before);
    }

    /** Without the cache an HQL query is parsed again on every call: the service sends none. */
    @Test
    void theServiceSendsNoHql() throws IOException {
        Pattern hql = Pattern.compile("\\b(find|list|stream|count|exists|update|delete)\\(\"|create(Selection|Mutation)?Query\\(");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(path -> lines(path).filter(line -> hql.matcher(line).find()).map(line -> path + ": " + line.strip()))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static Stream<String> lines(Path path) {
        try {
            return Files.readAllLines(path).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
