package app.tonehone.common.pagination;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it: the items and the cursor of the next page, or null. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
