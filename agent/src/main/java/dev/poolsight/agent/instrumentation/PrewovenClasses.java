package dev.poolsight.agent.instrumentation;

import dev.poolsight.agent.AgentClassLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32C;

/**
 * The pool classes of the Commons Pool releases the agent was built for, woven when the agent was built (by
 * {@link PrewovenClassesGenerator}) and shipped in the hidden part of the agent jar under {@value #DIRECTORY}, each
 * beside the class file it replaces, and found by that file's CRC-32C and length.
 *
 * <p>Why: weaving the pool classes when they load made an application wait for Byte Buddy, some 600 of its classes
 * loaded and run cold, about 170 ms of a small Jedis application's start-up. Finding the woven class here costs a
 * checksum, two reads from the jar and a comparison. A class file that is not here, byte for byte (a release the
 * agent was not built for, or bytes that another agent changed first), is woven at load time as before, so the
 * result is the same either way. Not a SHA-256 for the name: its first use in a JVM costs some 40 ms of start-up
 * (the security providers load), and the comparison with the original makes a strong hash unnecessary.
 */
final class PrewovenClasses {

    static final String DIRECTORY = "dev/poolsight/agent/prewoven/";
    static final String ORIGINAL = ".original";
    static final String WOVEN = ".woven";

    private final JarFile agentJar;

    PrewovenClasses(JarFile agentJar) {
        this.agentJar = agentJar;
    }

    /** The woven form of {@code classFile}, or null when the agent was not built with one. */
    byte[] lookup(byte[] classFile) throws IOException {
        String name = AgentClassLoader.HIDDEN + entryName(classFile);
        byte[] original = read(name + ORIGINAL);
        return original != null && Arrays.equals(original, classFile) ? read(name + WOVEN) : null;
    }

    private byte[] read(String name) throws IOException {
        JarEntry entry = agentJar.getJarEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = agentJar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** Where {@code classFile} and its woven form are kept, without their suffixes {@link #ORIGINAL} and {@link #WOVEN}. */
    static String entryName(byte[] classFile) {
        CRC32C checksum = new CRC32C();
        checksum.update(classFile);
        return DIRECTORY + Long.toHexString(checksum.getValue()) + "-" + classFile.length;
    }
}
