package dev.poolsight.agent.build;

import dev.poolsight.agent.ClassPack;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/** Collects the agent's hidden classes at build time and writes them as one {@link ClassPack}. */
final class ClassPackWriter {

    /** Sorted by the names' UTF-8 bytes, the order the pack's binary search expects. */
    private final Map<byte[], byte[]> classes = new TreeMap<>(Arrays::compareUnsigned);

    /** Adds class {@code name} (a binary name, {@code a.b.C}) with its class file. */
    void add(String name, byte[] classFile) {
        if (classes.put(name.getBytes(StandardCharsets.UTF_8), classFile) != null) {
            throw new IllegalArgumentException("class " + name + " is in the pack twice");
        }
    }

    byte[] pack() throws IOException {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        DataOutputStream recordOut = new DataOutputStream(records);
        int namesStart = ClassPack.HEADER_BYTES + classes.size() * ClassPack.RECORD_INTS * Integer.BYTES;
        int namesLength = classes.keySet().stream().mapToInt(name -> name.length).sum();
        for (Map.Entry<byte[], byte[]> entry : classes.entrySet()) {
            byte[] deflated = deflate(entry.getValue());
            recordOut.writeInt(namesStart + names.size());
            recordOut.writeInt(entry.getKey().length);
            recordOut.writeInt(namesStart + namesLength + data.size());
            recordOut.writeInt(deflated.length);
            recordOut.writeInt(entry.getValue().length);
            names.write(entry.getKey());
            data.write(deflated);
        }
        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(pack);
        out.writeInt(ClassPack.MAGIC);
        out.writeInt(classes.size());
        out.writeInt(namesStart + namesLength);
        records.writeTo(out);
        names.writeTo(out);
        data.writeTo(out);
        return pack.toByteArray();
    }

    private static byte[] deflate(byte[] classFile) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(classFile);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
