package dev.poolsight.core.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the data files of {@link TokenEstimator} (its prices, its single-token letters) from beside its classes. */
final class EstimatorResources {

    /** Makes the data of a resource from its text. */
    interface Parser<T> {
        T parse(BufferedReader text) throws IOException;
    }

    private EstimatorResources() {
    }

    /**
     * The data in {@code resource}, read as UTF-8 by {@code parser}.
     *
     * @param what what the resource holds, for errors: {@code prices}
     * @throws IllegalStateException if the resource is not on the class path
     * @throws UncheckedIOException if it cannot be read
     */
    static <T> T read(String resource, String what, Parser<T> parser) {
        try (InputStream in = EstimatorResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " " + resource + " are not on the class path");
            }
            return parser.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + resource, e);
        }
    }
}
