package dev.poolsight.agent.instrumentation;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/** The classes a transformer weaves that were loaded before it was added: after a dynamic attach, some are. */
final class LoadedClasses {

    private LoadedClasses() {
    }

    /** Retransforms the loaded classes named {@code names}; a failure is counted, never thrown. */
    static void retransform(Instrumentation instrumentation, List<String> names) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (names.contains(type.getName())) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                instrumentation.retransformClasses(loaded.toArray(Class<?>[]::new));
            } catch (Exception | LinkageError e) {
                AgentHealth.failure("retransform loaded " + names, e);
            }
        }
    }
}
