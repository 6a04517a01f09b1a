package dev.poolsight.cli;

import dev.poolsight.core.config.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line are written as in the environment variables: {@code 5s}, {@code 500ms}, {@code 1m30s}. */
public class GoDurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        Duration duration = parse(text);
        if (duration.isZero()) {
            throw new TypeConversionException("'" + text + "': a duration longer than zero is needed, such as 5s");
        }
        return duration;
    }

    static Duration parse(String text) {
        try {
            Duration duration = GoDuration.parse(text);
            if (duration.isNegative()) {
                throw new TypeConversionException("'" + text + "': a duration cannot be negative");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "': " + e.getMessage());
        }
    }

    /** For durations where zero means none, such as no warm-up. */
    public static final class OrZero extends GoDurationConverter {

        @Override
        public Duration convert(String text) {
            return parse(text);
        }
    }
}
