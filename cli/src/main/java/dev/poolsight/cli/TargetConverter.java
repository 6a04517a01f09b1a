package dev.poolsight.cli;

import dev.poolsight.cli.source.Target;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A process id or a Jolokia URL, checked when the command line is read. */
public final class TargetConverter implements ITypeConverter<Target> {

    @Override
    public Target convert(String text) {
        try {
            return Target.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
