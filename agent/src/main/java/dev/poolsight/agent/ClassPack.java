package dev.poolsight.agent;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The agent's hidden classes, packed by the build into one stored (uncompressed) jar entry, {@value #ENTRY}, each
 * class deflated on its own, found through a sorted index.
 *
 * <p>Why not one jar entry per class: the JVM reads a jar's whole central directory when it opens it, before the
 * agent's {@code premain}, hashing every entry's name; the agent's 3,900 entries took some 10 ms of every
 * application's start-up on a quiet machine (40 ms on a busy one), for a few hundred classes the agent ever loads.
 * The pack's index is searched where it lies, without being read into a table first.
 *
 * <p>Format, big-endian: the magic number, the class count, the offset of the data; then one record of five ints
 * per class, sorted by name (name offset, name length, data offset, deflated length, class file length); then
 * the names (binary names, {@code a.b.C}, in UTF-8); then the classes, raw deflate streams. Offsets count from the
 * entry's first byte.
 */
public final class ClassPack {

    public static final String ENTRY = AgentClassLoader.HIDDEN + "classes.pack";
    public static final int MAGIC = 0x50534350;
    public static final int HEADER_BYTES = 12;
    public static final int RECORD_INTS = 5;

    private final JarFile jar;
    private final JarEntry entry;
    /** The header, the records and the names: everything before the data. */
    private final ByteBuffer index;
    private final int count;

    private ClassPack(JarFile jar, JarEntry entry, ByteBuffer index, int count) {
        this.jar = jar;
        this.entry = entry;
        this.index = index;
        this.count = count;
    }

    /** The pack of {@code jar}; an empty pack when the jar has none. */
    public static ClassPack of(JarFile jar) throws IOException {
        JarEntry entry = jar.getJarEntry(ENTRY);
        if (entry == null) {
            return new ClassPack(jar, null, ByteBuffer.allocate(0), 0);
        }
        try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
            int magic = in.readInt();
            int count = in.readInt();
            int dataStart = in.readInt();
            if (magic != MAGIC || count < 0 || dataStart < HEADER_BYTES + count * RECORD_INTS * Integer.BYTES) {
                throw new IOException(jar.getName() + ": " + ENTRY + " is not a class pack");
            }
            byte[] index = new byte[dataStart];
            ByteBuffer.wrap(index).putInt(magic).putInt(count).putInt(dataStart);
            in.readFully(index, HEADER_BYTES, dataStart - HEADER_BYTES);
            return new ClassPack(jar, entry, ByteBuffer.wrap(index), count);
        }
    }

    /** The class file of class {@code name}, or null when the pack does not hold it. */
    public byte[] classFile(String name) throws IOException {
        int record = find(name);
        if (record < 0) {
            return null;
        }
        int dataOffset = field(record, 2);
        byte[] deflated = new byte[field(record, 3)];
        byte[] classFile = new byte[field(record, 4)];
        try (InputStream in = jar.getInputStream(entry)) {
            // The entry is stored, not deflated, so skipping moves a position and reads nothing.
            in.skipNBytes(dataOffset);
            in.readNBytes(deflated, 0, deflated.length);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            int inflated = inflater.inflate(classFile);
            if (inflated != classFile.length) {
                throw new IOException(ENTRY + ": class " + name + " is " + inflated + " bytes, not " + classFile.length);
            }
        } catch (DataFormatException e) {
            throw new IOException(ENTRY + ": class " + name + " is damaged", e);
        } finally {
            inflater.end();
        }
        return classFile;
    }

    /** Every class the pack holds, by binary name, in the pack's order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(count);
        for (int record = 0; record < count; record++) {
            names.add(new String(index.array(), field(record, 0), field(record, 1), StandardCharsets.UTF_8));
        }
        return names;
    }

    /** The record of class {@code name}, by binary search over the names' bytes, or -1. */
    private int find(String name) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = index.array();
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int start = field(middle, 0);
            int order = Arrays.compareUnsigned(bytes, start, start + field(middle, 1), key, 0, key.length);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private int field(int record, int field) {
        return index.getInt(HEADER_BYTES + (record * RECORD_INTS + field) * Integer.BYTES);
    }
}
