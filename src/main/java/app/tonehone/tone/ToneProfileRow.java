package app.tonehone.tone;

import app.tonehone.common.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the repository's native queries, presets and own profiles alike: the columns of
 * {@code ToneProfileRepository.VISIBLE} in order, then {@code distance} for nearest queries.
 * {@code sortName} is the database's {@code lower(name)}, so that cursors compare exactly as
 * the query orders.
 */
record ToneProfileRow(boolean preset, UUID id, String name, String sortName, String description, ToneAxes axes,
                      Integer version, Instant createdAt, Instant updatedAt, Double distance) {

    /** Where a page of the list starts: after this sort key. */
    record Position(int kind, String sortName, UUID id) {

        /** The position a cursor carries; IllegalArgumentException when it is not one. */
        static Position of(List<String> sortKey) {
            if (sortKey.size() != 3) {
                throw new IllegalArgumentException("not a tone profile position");
            }
            return new Position(Integer.parseInt(sortKey.get(0)), sortKey.get(1), UUID.fromString(sortKey.get(2)));
        }
    }

    static ToneProfileRow of(Object[] columns) {
        return new ToneProfileRow(
                ((Number) columns[0]).intValue() == 0,
                (UUID) columns[1],
                (String) columns[2],
                (String) columns[3],
                (String) columns[4],
                new ToneAxes(((Number) columns[5]).intValue(), ((Number) columns[6]).intValue(),
                        ((Number) columns[7]).intValue(), ((Number) columns[8]).intValue()),
                columns[9] == null ? null : ((Number) columns[9]).intValue(),
                Rows.instant(columns[10]),
                Rows.instant(columns[11]),
                columns.length > 12 ? ((Number) columns[12]).doubleValue() : null);
    }

    List<String> sortKey() {
        return List.of(preset ? "0" : "1", sortName, id.toString());
    }
}
