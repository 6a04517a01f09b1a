package dev.poolsight.cli;

import dev.poolsight.core.config.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line are written as in the environment variables: {@code 5s}, {@code 500ms}, {@code 1m30s}. */
public final class GoDurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        try {
            Duration duration = GoDuration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("'" + text + "': a duration must be longer than zero, such as 5s");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "': " + e.getMessage());
        }
    }
}
