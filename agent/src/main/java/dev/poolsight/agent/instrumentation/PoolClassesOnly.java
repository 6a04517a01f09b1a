package dev.poolsight.agent.instrumentation;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.function.Supplier;

/**
 * Hands the three Commons Pool classes to the Byte Buddy weaver and every other class straight back. The JVM calls
 * a transformer for each class it loads; comparing three strings is all the agent costs an application's start-up
 * for the thousands of classes that are not pools. The weaver itself is built when the first pool class loads,
 * so a JVM without Commons Pool never loads Byte Buddy's weaving machinery.
 */
final class PoolClassesOnly implements ClassFileTransformer {

    private final PrewovenClasses prewoven;
    private final Supplier<ClassFileTransformer> weaverFactory;
    private volatile ClassFileTransformer weaver;

    PoolClassesOnly(PrewovenClasses prewoven, Supplier<ClassFileTransformer> weaverFactory) {
        this.prewoven = prewoven;
        this.weaverFactory = weaverFactory;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!CommonsPoolInstrumentation.WOVEN_INTERNAL.contains(className)) {
            return null;
        }
        try {
            byte[] woven = prewoven.lookup(classfileBuffer);
            if (woven != null) {
                return woven;
            }
        } catch (Throwable t) {
            AgentHealth.failure("read the prewoven " + className, t);
        }
        ClassFileTransformer current;
        try {
            current = weaver();
        } catch (Throwable t) {
            // The JVM would drop this silently: the class loads unmeasured, and the failure must at least be counted.
            AgentHealth.failure("build the weaver", t);
            return null;
        }
        return current.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    private ClassFileTransformer weaver() {
        ClassFileTransformer current = weaver;
        if (current == null) {
            synchronized (this) {
                current = weaver;
                if (current == null) {
                    current = weaverFactory.get();
                    weaver = current;
                }
            }
        }
        return current;
    }
}
