package dev.poolsight.agent.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one class file names, read from its constant pool (JVMS chapter 4): its superclass, its interfaces, and every
 * class it refers to, in a class entry or a descriptor. Enough for the build to know which classes the bootstrap
 * class loader needs, and in which order to define them.
 *
 * @param name       the class's internal name, {@code dev/poolsight/agent/bootstrap/PoolHooks}
 * @param superName  its superclass's, null for {@code java/lang/Object}
 * @param interfaces its interfaces'
 * @param references every internal name the constant pool mentions
 */
record ClassFileReferences(String name, String superName, List<String> interfaces, Set<String> references) {

    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([^;<>]+);");

    static ClassFileReferences read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        String name = utf8[classNameIndex[in.readUnsignedShort()]];
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : utf8[classNameIndex[superIndex]];
        List<String> interfaces = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            interfaces.add(utf8[classNameIndex[in.readUnsignedShort()]]);
        }
        Set<String> references = new LinkedHashSet<>();
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                references.add(utf8[classNameIndex[i]]);
            }
            if (utf8[i] != null) {
                Matcher inDescriptor = IN_DESCRIPTOR.matcher(utf8[i]);
                while (inDescriptor.find()) {
                    references.add(inDescriptor.group(1));
                }
            }
        }
        return new ClassFileReferences(name, superName, interfaces, references);
    }
}
