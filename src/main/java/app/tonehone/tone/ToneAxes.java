package app.tonehone.tone;

/** A point of the 4-axis tone space; each axis 1..10. */
public record ToneAxes(int playfulness, int formality, int forwardness, int expressiveness) {

    public static final int MIN = 1;
    public static final int MAX = 10;
}
