package dev.poolsight.cli.advise;

/**
 * One setting: its value now ({@code ?} when the JVM does not show it), the value to use, whether that means
 * keeping it, and the measurements that drove the advice.
 */
public record Recommendation(String variable, String current, String value, boolean keep, String reason) {

    /** The line to paste into a shell or an environment file. */
    public String exportLine() {
        return "export " + variable + "=" + value;
    }
}
