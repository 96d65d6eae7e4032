package app.tonehone.message;

/** The seq values a page may hold: {@code above < seq < below}, both bounds exclusive. */
public record SeqRange(long above, long below) {

    public boolean isEmpty() {
        return below - above <= 1;
    }
}
