package app.tonehone.common.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tonehone.support.TestDatabase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantTransactionsTest {

    @Inject
    TenantTransactions tenant;

    private static Uni<List<Object>> conversationOwners() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select distinct user_id::text from conversations", Object.class).getResultList());
    }

    @Test
    @RunOnVertxContext
    void setsTheUserForEverythingInsideTheTransaction(UniAsserter asserter) {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        TestDatabase.createConversation(alice, "Sam", 1);
        TestDatabase.createConversation(bob, "Alex", 1);
        asserter.assertThat(() -> tenant.run(alice, TenantTransactionsTest::conversationOwners),
                owners -> assertThat(owners).containsExactly(alice.toString()));
        asserter.assertThat(() -> tenant.run(bob, TenantTransactionsTest::conversationOwners),
                owners -> assertThat(owners).containsExactly(bob.toString()));
    }

    @Test
    @RunOnVertxContext
    void aTransactionOpenedAnotherWaySeesNoTenantData(UniAsserter asserter) {
        UUID alice = TestDatabase.createUser("alice");
        TestDatabase.createConversation(alice, "Sam", 1);
        asserter.assertThat(() -> Panache.withTransaction(TenantTransactionsTest::conversationOwners),
                owners -> assertThat(owners).isEmpty());
    }

    @Test
    @RunOnVertxContext
    void refusesToNestOrToRunWithoutAUser(UniAsserter asserter) {
        UUID alice = TestDatabase.createUser("alice");
        UUID bob = TestDatabase.createUser("bob");
        asserter.assertFailedWith(() -> tenant.run(alice, () -> tenant.run(bob, TenantTransactionsTest::conversationOwners)),
                IllegalStateException.class);
        assertThatThrownBy(() -> tenant.run(null, TenantTransactionsTest::conversationOwners))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @RunOnVertxContext
    void rollsBackEverythingWhenTheWorkFails(UniAsserter asserter) {
        UUID alice = TestDatabase.createUser("alice");
        UUID conversation = TestDatabase.createConversation(alice, "Sam", 0);
        asserter.assertFailedWith(() -> tenant.run(alice, () -> Panache.getSession()
                .chain(session -> session.createNativeQuery("update conversations set notes = 'changed' where id = ?1")
                        .setParameter(1, conversation).executeUpdate())
                .chain(() -> Uni.createFrom().failure(new IllegalArgumentException("abort")))), IllegalArgumentException.class);
        asserter.execute(() -> assertThat(TestDatabase.ownerQuery("select coalesce(notes, '-') from conversations where id = ?",
                conversation)).containsExactly("-"));
    }
}
