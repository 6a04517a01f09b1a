package dev.poolsight.agent.instrumentation;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hands the few classes an instrumentation weaves to their {@link PrewovenClasses prewoven} form or, for a release
 * the agent was not built for, to a Byte Buddy weaver, and every other class straight back. The JVM calls a
 * transformer for each class it loads; comparing a few strings is all the agent costs an application's start-up for
 * the thousands of classes it does not weave. The weaver itself is built when the first class without a prewoven
 * form loads, so a JVM whose classes are all prewoven never loads Byte Buddy.
 */
final class WovenClassesOnly implements ClassFileTransformer {

    private final List<String> wovenInternal;
    private final PrewovenClasses prewoven;
    private final Supplier<ClassFileTransformer> weaverFactory;
    private volatile ClassFileTransformer weaver;

    /**
     * @param wovenInternal the names, with slashes, of the classes to weave
     * @param weaverFactory builds the load-time weaver, once, when it is first needed
     */
    WovenClassesOnly(List<String> wovenInternal, PrewovenClasses prewoven,
                     Supplier<ClassFileTransformer> weaverFactory) {
        this.wovenInternal = wovenInternal;
        this.prewoven = prewoven;
        this.weaverFactory = weaverFactory;
    }

    /**
     * Adds the transformer for the classes {@code woven} and re-weaves those already loaded, as after a dynamic
     * attach; {@code wovenInternal} are the same names with slashes.
     */
    static void install(Instrumentation instrumentation, List<String> woven, List<String> wovenInternal,
                        PrewovenClasses prewoven, Supplier<ClassFileTransformer> weaverFactory) {
        instrumentation.addTransformer(new WovenClassesOnly(wovenInternal, prewoven, weaverFactory), true);
        LoadedClasses.retransform(instrumentation, woven);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!wovenInternal.contains(className)) {
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
