package dev.poolsight.agent.host;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What a test host cannot see through JMX, read reflectively from the agent's recording classes, which the agent
 * jar carries relocated on the bootstrap class path (see AgentJarLayout): how many pools the agent knows, its
 * suppressed failures, a recorder's per-thread buffers.
 */
final class AgentInternals {

    private static final String JMX = "dev.poolsight.agent.bootstrap.jmx.";

    private AgentInternals() {
    }

    static List<?> recorders() throws ReflectiveOperationException {
        Class<?> registryClass = Class.forName(JMX + "PoolRegistry");
        Object registry = registryClass.getMethod("global").invoke(null);
        return (List<?>) registryClass.getMethod("recorders").invoke(registry);
    }

    static long agentFailures() throws ReflectiveOperationException {
        return (long) Class.forName(JMX + "AgentHealth").getMethod("failureCount").invoke(null);
    }

    /** How many per-thread buffers the recorder of pool {@code poolName} holds. */
    static int threadRings(String poolName) throws ReflectiveOperationException {
        Class<?> recorderClass = Class.forName(JMX + "PoolRecorder");
        for (Object recorder : recorders()) {
            if (recorderClass.getMethod("name").invoke(recorder).equals(poolName)) {
                Field buffered = recorderClass.getDeclaredField("buffered");
                buffered.setAccessible(true);
                Object buffers = buffered.get(recorder);
                Method ringCount = buffers.getClass().getDeclaredMethod("ringCount");
                ringCount.setAccessible(true);
                return (int) ringCount.invoke(buffers);
            }
        }
        throw new IllegalStateException("no pool named " + poolName);
    }
}
