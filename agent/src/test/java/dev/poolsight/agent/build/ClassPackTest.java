package dev.poolsight.agent.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolsight.agent.ClassPack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPackTest {

    @TempDir
    Path folder;

    @Test
    void everyClassReadsBackAsWritten() throws IOException {
        ClassPackWriter writer = new ClassPackWriter();
        writer.add("b.Second", bytes("second class file, a little longer than the first"));
        writer.add("a.First", bytes("first"));
        writer.add("c.Ünicode", bytes("a name beyond ASCII"));

        try (JarFile jar = jarWith(writer.pack())) {
            ClassPack pack = ClassPack.of(jar);

            assertThat(pack.classFile("a.First")).isEqualTo(bytes("first"));
            assertThat(pack.classFile("b.Second")).isEqualTo(bytes("second class file, a little longer than the first"));
            assertThat(pack.classFile("c.Ünicode")).isEqualTo(bytes("a name beyond ASCII"));
            assertThat(pack.names()).containsExactly("a.First", "b.Second", "c.Ünicode");
        }
    }

    @Test
    void aClassNotInThePackIsNull() throws IOException {
        ClassPackWriter writer = new ClassPackWriter();
        writer.add("a.First", bytes("first"));

        try (JarFile jar = jarWith(writer.pack())) {
            ClassPack pack = ClassPack.of(jar);

            assertThat(pack.classFile("a.Firs")).isNull();
            assertThat(pack.classFile("a.First2")).isNull();
            assertThat(pack.classFile("a.First")).isEqualTo(bytes("first"));
        }
    }

    @Test
    void aJarWithoutAPackHasNoClasses() throws IOException {
        try (JarFile jar = jarWith(null)) {
            assertThat(ClassPack.of(jar).classFile("a.First")).isNull();
        }
    }

    @Test
    void aClassAddedTwiceIsABuildError() {
        ClassPackWriter writer = new ClassPackWriter();
        writer.add("a.First", bytes("first"));

        assertThatThrownBy(() -> writer.add("a.First", bytes("again")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.First");
    }

    @Test
    void anEntryThatIsNotAPackIsRefused() throws IOException {
        try (JarFile jar = jarWith(bytes("not a pack at all"))) {
            assertThatThrownBy(() -> ClassPack.of(jar)).isInstanceOf(IOException.class)
                    .hasMessageContaining(ClassPack.ENTRY);
        }
    }

    private JarFile jarWith(byte[] pack) throws IOException {
        Path jar = folder.resolve("pack-" + System.nanoTime() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write(bytes("a jar"));
            if (pack != null) {
                out.putNextEntry(new JarEntry(ClassPack.ENTRY));
                out.write(pack);
            }
        }
        return new JarFile(jar.toFile());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
