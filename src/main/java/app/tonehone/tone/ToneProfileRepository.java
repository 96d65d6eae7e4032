package app.tonehone.tone;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The user's own profiles (the entity) and the queries that also cover the shared presets,
 * whose rows come back as {@link ToneProfileRow}. Call only inside a tenant transaction.
 */
@ApplicationScoped
public class ToneProfileRepository implements PanacheRepositoryBase<ToneProfile, ToneProfile.Key> {

    /** Presets (kind 0) and the user's own profiles (kind 1), in the columns of {@link ToneProfileRow}. */
    private static final String VISIBLE = """
            select 0 as kind, id, name, lower(name) as sort_name, description,
                   playfulness, formality, forwardness, expressiveness, null::integer as version, created_at, updated_at
            from tone_presets
            union all
            select 1, id, name, lower(name), null,
                   playfulness, formality, forwardness, expressiveness, version, created_at, updated_at
            from tone_profiles where user_id = ?1""";

    static final String ORDER = "kind, sort_name, id";
    static final String FIRST_PAGE = "select * from (" + VISIBLE + ") v order by " + ORDER + " limit ?2";
    static final String NEXT_PAGE = "select * from (" + VISIBLE + ") v where (kind, sort_name, id) > (cast(?3 as integer), cast(?4 as text), cast(?5 as uuid))"
            + " order by " + ORDER + " limit ?2";
    static final String ONE = "select * from (" + VISIBLE + ") v where id = ?2";

    /**
     * The nearest profiles to a point of the 4-axis space. Each table's branch is a KNN scan of
     * its GiST index ({@code <->} is cube's Euclidean distance) ordered by distance alone, which
     * is what the index can deliver; {@code WITH TIES} keeps every row tied with the last, so
     * that the outer sort can break ties by (kind, name, id) and the answer is deterministic.
     */
    static final String NEAREST = """
            select * from (
              (select 1 as kind, id, name, lower(name) as sort_name, null::text as description,
                      playfulness, formality, forwardness, expressiveness, version, created_at, updated_at,
                      tone_vector <-> cube(array[cast(?2 as float8), cast(?3 as float8), cast(?4 as float8), cast(?5 as float8)]) as distance
               from tone_profiles where user_id = ?1
               order by distance fetch first ?6 rows with ties)
              union all
              (select 0 as kind, id, name, lower(name) as sort_name, description,
                      playfulness, formality, forwardness, expressiveness, null::integer as version, created_at, updated_at,
                      tone_vector <-> cube(array[cast(?2 as float8), cast(?3 as float8), cast(?4 as float8), cast(?5 as float8)]) as distance
               from tone_presets
               order by distance fetch first ?6 rows with ties)
            ) v order by distance, kind, sort_name, id limit ?6""";

    private static final String IS_PRESET = "select count(*) from tone_presets where id = ?1";
    private static final String COUNT_OWN = "select count(*) from tone_profiles where user_id = ?1";
    private static final String LOCK_ACCOUNT = "select count(*) from (select 1 from users where id = ?1 for no key update) locked";

    /** Up to {@code limit} visible profiles in list order, after {@code after} when it is not null. */
    public Uni<List<ToneProfileRow>> page(UUID userId, ToneProfileRow.Position after, int limit) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(after == null ? FIRST_PAGE : NEXT_PAGE, Object[].class)
                    .setParameter(1, userId).setParameter(2, limit);
            if (after != null) {
                query.setParameter(3, after.kind()).setParameter(4, after.sortName()).setParameter(5, after.id());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(ToneProfileRow::of).toList());
    }

    /** The user's own profile or the preset with this id; null when neither exists. */
    public Uni<ToneProfileRow> findVisible(UUID userId, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ONE, Object[].class)
                        .setParameter(1, userId).setParameter(2, id).getSingleResultOrNull())
                .map(row -> row == null ? null : ToneProfileRow.of(row));
    }

    public Uni<List<ToneProfileRow>> nearest(UUID userId, ToneAxes point, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NEAREST, Object[].class)
                        .setParameter(1, userId)
                        .setParameter(2, (double) point.playfulness()).setParameter(3, (double) point.formality())
                        .setParameter(4, (double) point.forwardness()).setParameter(5, (double) point.expressiveness())
                        .setParameter(6, limit)
                        .getResultList())
                .map(rows -> rows.stream().map(ToneProfileRow::of).toList());
    }

    public Uni<Boolean> isPreset(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(IS_PRESET, Long.class)
                        .setParameter(1, id).getSingleResult())
                .map(count -> count > 0);
    }

    public Uni<Long> countOwn(UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT_OWN, Long.class)
                .setParameter(1, userId).getSingleResult());
    }

    /**
     * Locks the user's account row until the transaction ends, so that concurrent creations
     * of one user take turns and the cap on their number holds.
     */
    public Uni<Void> lockAccount(UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_ACCOUNT, Long.class)
                        .setParameter(1, userId).getSingleResult())
                .replaceWithVoid();
    }
}
