package dev.poolsight.agent.bootstrap;

import java.lang.reflect.Method;

/**
 * The application's object inside a Commons Pool {@code PooledObject}, read reflectively: the agent's bootstrap
 * classes cannot see Commons Pool's types. Used only with leak detection on, which tracks the objects lent out.
 */
final class PooledObjects {

    private static final String POOLED_OBJECT = "org.apache.commons.pool2.PooledObject";

    private static final ClassValue<Method> GET_OBJECT = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            // The interface's method, since the implementation may be a class the agent may not call into.
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Class<?> implemented : c.getInterfaces()) {
                    if (implemented.getName().equals(POOLED_OBJECT)) {
                        try {
                            return implemented.getMethod("getObject");
                        } catch (NoSuchMethodException e) {
                            return null;
                        }
                    }
                }
            }
            return null;
        }
    };

    private PooledObjects() {
    }

    /** The object {@code pooledObject} wraps, or null when it has no {@code getObject()}. */
    static Object userObject(Object pooledObject) throws ReflectiveOperationException {
        if (pooledObject == null) {
            return null;
        }
        Method getObject = GET_OBJECT.get(pooledObject.getClass());
        return getObject == null ? null : getObject.invoke(pooledObject);
    }
}
