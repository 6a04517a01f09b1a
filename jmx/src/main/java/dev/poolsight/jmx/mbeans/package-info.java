/**
 * How Poolsight's pool measurements appear in JMX: one MXBean per pool, with a description
 * and unit for every attribute and operation, and rate-limited notifications for exhausted pools and leaks.
 *
 * <p>{@link dev.poolsight.jmx.mbeans.PoolMBeans#install} keeps a {@link dev.poolsight.jmx.mbeans.PoolMXBean}
 * registered for every pool of a registry; {@link dev.poolsight.jmx.mbeans.ObjectNames} says where each MBean is.
 * (Core's token counter has its own MBean, {@code dev.poolsight.core.tokens.TokenCounterMBean}, so that core needs
 * no part of this module.)
 *
 * <p>JMX is the single source of truth: JConsole, VisualVM, Jolokia and the Prometheus endpoint all read these
 * MBeans. Everything here reads the recorders on demand, on the readers' threads. Registering, unregistering and
 * notifying run on Poolsight's own thread, {@code poolsight-jmx}: an application thread that builds, closes or
 * exhausts a pool only queues that work (an exhausted borrow queues at most one task per pool).
 */
package dev.poolsight.jmx.mbeans;
