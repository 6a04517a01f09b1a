package dev.poolsight.core.tokens;

/**
 * The exact token count of one submitted text, for whatever the submitter said it belongs to.
 *
 * @param target what the text was submitted for, such as a stored message
 * @param tokens the exact count
 */
public record ExactCount<T>(T target, int tokens) {
}
