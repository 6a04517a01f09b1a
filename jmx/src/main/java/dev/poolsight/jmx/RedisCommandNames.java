package dev.poolsight.jmx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command names Poolsight keeps apart, each with a small index: at most {@value #CAPACITY} names for the
 * whole JVM, every further name counted as {@value #OTHER_NAME}, so that metrics and MBeans stay bounded whatever
 * an application sends. Only names are ever kept, never arguments or keys.
 *
 * <p>A command is known by its object: Jedis describes each command with an enum constant ({@code Protocol.Command.GET}),
 * and the application thread finds its index by that constant's identity, in a table that is read without a lock.
 * Anything that is not an enum constant, or whose name does not look like a command, is {@value #OTHER_NAME}.
 */
public final class RedisCommandNames {

    /** How many names are kept apart, {@value #OTHER_NAME} included. */
    public static final int CAPACITY = 64;
    public static final String OTHER_NAME = "other";
    /** The index of every command beyond the capacity, or that has no usable name. */
    public static final int OTHER = 0;
    /** A pipeline's round trip, counted once however many commands it carries. */
    public static final int PIPELINE = 1;
    /** A MULTI/EXEC transaction, counted once at its EXEC. */
    public static final int TRANSACTION = 2;

    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Z][A-Z0-9_.]{0,31}");
    private static final int TABLE_SIZE = 1024;
    private static final RedisCommandNames GLOBAL = new RedisCommandNames();

    /** Open addressing by identity hash; replaced whole, never changed in place, so readers need no lock. */
    private volatile Table table = new Table(new Object[TABLE_SIZE], new int[TABLE_SIZE], 0);
    // Guarded by this.
    private final List<String> names = new ArrayList<>(List.of(OTHER_NAME, "PIPELINE", "TRANSACTION"));
    private final Map<String, Integer> indexes = new HashMap<>(Map.of(OTHER_NAME, OTHER, "PIPELINE", PIPELINE,
            "TRANSACTION", TRANSACTION));
    private volatile String[] published = names.toArray(String[]::new);

    RedisCommandNames() {
    }

    /** The names of this JVM. */
    public static RedisCommandNames global() {
        return GLOBAL;
    }

    /** The index of the command that {@code command} (a Jedis {@code ProtocolCommand}) stands for. */
    public int indexOf(Object command) {
        if (!(command instanceof Enum<?>)) {
            return OTHER;
        }
        Table current = table;
        int mask = current.keys.length - 1;
        for (int i = System.identityHashCode(command) & mask; ; i = (i + 1) & mask) {
            Object key = current.keys[i];
            if (key == command) {
                return current.values[i];
            }
            if (key == null) {
                return learn((Enum<?>) command);
            }
        }
    }

    /** The name of index {@code index}; {@value #OTHER_NAME} for an index never handed out. */
    public String name(int index) {
        String[] current = published;
        return index >= 0 && index < current.length ? current[index] : OTHER_NAME;
    }

    private synchronized int learn(Enum<?> command) {
        String name = command.name();
        Integer index = indexes.get(name);
        if (index == null) {
            if (names.size() < CAPACITY && COMMAND_NAME.matcher(name).matches()) {
                index = names.size();
                names.add(name);
                indexes.put(name, index);
                published = names.toArray(String[]::new);
            } else {
                index = OTHER;
            }
        }
        Table current = table;
        if (current.size < TABLE_SIZE / 2) {
            table = current.with(command, index);
        }
        return index;
    }

    private record Table(Object[] keys, int[] values, int size) {

        Table with(Object key, int value) {
            Object[] newKeys = keys.clone();
            int[] newValues = values.clone();
            int mask = newKeys.length - 1;
            int i = System.identityHashCode(key) & mask;
            while (newKeys[i] != null && newKeys[i] != key) {
                i = (i + 1) & mask;
            }
            if (newKeys[i] == key) {
                return this;
            }
            newKeys[i] = key;
            newValues[i] = value;
            return new Table(newKeys, newValues, size + 1);
        }
    }
}
