package app.tonehone.message;

/**
 * A message PATCH: {@code isKeyMoment} null leaves the flag alone; {@code setScore} says
 * whether the body named effectivenessScore at all (then null clears it).
 */
public record MessageMarks(Boolean isKeyMoment, boolean setScore, Integer effectivenessScore) {
}
