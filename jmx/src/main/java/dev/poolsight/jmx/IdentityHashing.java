package dev.poolsight.jmx;

/** Where an object goes in a power-of-two table indexed by identity, for the identity tables of this package. */
final class IdentityHashing {

    /** 2^32 divided by the golden ratio: multiplying by it spreads neighbouring hashes over the whole table. */
    private static final int GOLDEN = 0x9E3779B9;

    private IdentityHashing() {
    }

    /**
     * The home slot of {@code object} in a table of {@code 2^(32 - shift)} slots: the top bits of its spread
     * identity hash, which are the best mixed.
     */
    static int home(Object object, int shift) {
        return (System.identityHashCode(object) * GOLDEN) >>> shift;
    }

    /** The shift that {@link #home} needs for a table of {@code capacity} slots, a power of two of at least 2. */
    static int shiftFor(int capacity) {
        return Integer.numberOfLeadingZeros(capacity - 1);
    }
}
