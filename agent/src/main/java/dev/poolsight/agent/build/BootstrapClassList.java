package dev.poolsight.agent.build;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes the bootstrap class loader needs, in the order they can be defined, packed into one entry for
 * {@link dev.poolsight.agent.BootstrapClasses}: the hooks and every class they reach, transitively, among the jar's
 * root classes (of the relocated HdrHistogram only the few the recorders use), each after its superclass and
 * interfaces. Reading one entry in an order fixed at build time costs the application's start-up far less than
 * walking the jar's thousands of entries and retrying classes whose superclass was not defined yet.
 */
final class BootstrapClassList {

    /** Where the hooks are: every class below it is needed. */
    static final String HOOKS = "dev/poolsight/agent/bootstrap/";

    private final Map<String, byte[]> available = new LinkedHashMap<>();

    /** A root class of the jar that the hooks may reach, by internal name. */
    void offer(String internalName, byte[] classFile) {
        available.put(internalName, classFile);
    }

    /**
     * The packed list: a count, then each class as its binary name (modified UTF-8), its length and its bytes.
     */
    byte[] pack() throws IOException {
        Map<String, ClassFileReferences> read = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> type : available.entrySet()) {
            read.put(type.getKey(), ClassFileReferences.read(type.getValue()));
        }
        Set<String> needed = new TreeSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        read.keySet().stream().filter(name -> name.startsWith(HOOKS)).forEach(toVisit::add);
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            ClassFileReferences type = read.get(name);
            if (type != null && needed.add(name)) {
                toVisit.addAll(type.references());
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String name : needed) {
            placeAfterSupertypes(name, read, placed, ordered);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(ordered.size());
            for (String name : ordered) {
                byte[] classFile = available.get(name);
                out.writeUTF(name.replace('/', '.'));
                out.writeInt(classFile.length);
                out.write(classFile);
            }
        }
        return bytes.toByteArray();
    }

    /** Places {@code name} after its superclass and interfaces, which the JVM resolves as it defines it. */
    private static void placeAfterSupertypes(String name, Map<String, ClassFileReferences> read, Set<String> placed,
                                             List<String> ordered) {
        ClassFileReferences type = read.get(name);
        if (type == null || !placed.add(name)) {
            return;
        }
        if (type.superName() != null) {
            placeAfterSupertypes(type.superName(), read, placed, ordered);
        }
        type.interfaces().forEach(implemented -> placeAfterSupertypes(implemented, read, placed, ordered));
        ordered.add(name);
    }
}
