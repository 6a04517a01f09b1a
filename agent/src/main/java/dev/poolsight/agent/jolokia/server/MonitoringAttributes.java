package dev.poolsight.agent.jolokia.server;

import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;

/**
 * The attributes of the JVM's own MBeans ({@code java.lang}) that the endpoint serves: what monitoring needs (memory,
 * threads, garbage collection, class loading, compilation, uptime, load, the VM's name and version), and nothing
 * that can carry a secret. {@code Runtime}'s InputArguments (the agent's own options, a password among them),
 * SystemProperties (every {@code -D}, a service's database password among them), class and library paths, and
 * anything added to {@code java.lang} later are refused: an allow-list, so that a new JDK attribute is out until
 * someone has looked at it.
 */
final class MonitoringAttributes {

    private static final String NAME = "ObjectName";
    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "Memory", Set.of(NAME, "HeapMemoryUsage", "NonHeapMemoryUsage", "ObjectPendingFinalizationCount", "Verbose"),
            "MemoryPool", Set.of(NAME, "Name", "Type", "Valid", "Usage", "PeakUsage", "CollectionUsage",
                    "MemoryManagerNames", "UsageThreshold", "UsageThresholdCount", "UsageThresholdExceeded",
                    "UsageThresholdSupported", "CollectionUsageThreshold", "CollectionUsageThresholdCount",
                    "CollectionUsageThresholdExceeded", "CollectionUsageThresholdSupported"),
            "GarbageCollector", Set.of(NAME, "Name", "Valid", "CollectionCount", "CollectionTime", "MemoryPoolNames",
                    "LastGcInfo"),
            "MemoryManager", Set.of(NAME, "Name", "Valid", "MemoryPoolNames"),
            "Threading", Set.of(NAME, "ThreadCount", "PeakThreadCount", "DaemonThreadCount", "TotalStartedThreadCount",
                    "CurrentThreadCpuTime", "CurrentThreadUserTime", "CurrentThreadAllocatedBytes",
                    "TotalThreadAllocatedBytes", "ThreadCpuTimeSupported", "ThreadCpuTimeEnabled",
                    "CurrentThreadCpuTimeSupported", "ThreadContentionMonitoringSupported",
                    "ThreadContentionMonitoringEnabled", "ThreadAllocatedMemorySupported",
                    "ThreadAllocatedMemoryEnabled", "ObjectMonitorUsageSupported", "SynchronizerUsageSupported"),
            "ClassLoading", Set.of(NAME, "LoadedClassCount", "TotalLoadedClassCount", "UnloadedClassCount", "Verbose"),
            "Compilation", Set.of(NAME, "Name", "TotalCompilationTime", "CompilationTimeMonitoringSupported"),
            "Runtime", Set.of(NAME, "Uptime", "StartTime", "Pid", "VmName", "VmVendor", "VmVersion", "SpecName",
                    "SpecVendor", "SpecVersion", "ManagementSpecVersion"),
            "OperatingSystem", Set.of(NAME, "Name", "Arch", "Version", "AvailableProcessors", "SystemLoadAverage",
                    "CpuLoad", "SystemCpuLoad", "ProcessCpuLoad", "ProcessCpuTime", "TotalMemorySize",
                    "TotalPhysicalMemorySize", "FreeMemorySize", "FreePhysicalMemorySize", "TotalSwapSpaceSize",
                    "FreeSwapSpaceSize", "CommittedVirtualMemorySize", "OpenFileDescriptorCount",
                    "MaxFileDescriptorCount"));

    private MonitoringAttributes() {
    }

    /** Whether {@code attribute} of the {@code java.lang} MBean {@code name} may be read. */
    static boolean allows(ObjectName name, String attribute) {
        String type = name.getKeyProperty("type");
        Set<String> allowed = type == null ? null : BY_TYPE.get(type);
        return allowed != null && allowed.contains(attribute);
    }
}
