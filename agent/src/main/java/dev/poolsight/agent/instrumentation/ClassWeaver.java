package dev.poolsight.agent.instrumentation;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves advice into one class file with Byte Buddy's {@code decorate}: the class keeps its shape (no new members),
 * as retransformation requires. Byte Buddy's AgentBuilder would do the same with matchers, listeners and a generated
 * transformer class of its own, and its set-up alone costs an application about 300 ms of start-up; this does only
 * what the few woven classes need. Used when a class loads and, by {@link PrewovenClassesGenerator}, when the agent
 * is built, so that both make the same bytes.
 */
final class ClassWeaver implements ClassFileTransformer {

    /** What one instrumentation does to one of its classes. */
    @FunctionalInterface
    interface Weaving {
        /**
         * @param classLocator reads the class being woven and, as its class loader sees them, the types it names
         * @param adviceLocator serves the bytes of the advice classes
         */
        DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
                                     ClassFileLocator classLocator, ClassFileLocator adviceLocator);
    }

    private final ByteBuddy byteBuddy = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
            .with(Implementation.Context.Disabled.Factory.INSTANCE);
    private final Weaving weaving;
    private final ClassFileLocator adviceLocator;

    /** @param adviceLocator serves the bytes of the advice classes, as the agent's class loader does */
    ClassWeaver(Weaving weaving, ClassFileLocator adviceLocator) {
        this.weaving = weaving;
        this.adviceLocator = adviceLocator;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        try {
            return weave(className, classfileBuffer, loader == null
                    ? ClassFileLocator.ForClassLoader.ofBootLoader()
                    : ClassFileLocator.ForClassLoader.of(loader));
        } catch (Throwable t) {
            // The class loads as it is: the application runs, only unmeasured.
            AgentHealth.failure("instrument " + className, t);
            return null;
        }
    }

    /**
     * Weaves one class.
     *
     * @param internalName the class's name with slashes, {@code org/apache/commons/pool2/impl/GenericObjectPool}
     * @param surroundings where its base class and interfaces are read from, as the class's own loader sees them
     */
    byte[] weave(String internalName, byte[] classFile, ClassFileLocator surroundings) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile), surroundings);
        TypeDescription type = TypePool.Default.WithLazyResolution.of(locator).describe(name).resolve();
        return weaving.weave(byteBuddy.decorate(type, locator), type, locator, adviceLocator).make().getBytes();
    }
}
