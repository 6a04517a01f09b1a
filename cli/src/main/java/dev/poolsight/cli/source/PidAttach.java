package dev.poolsight.cli.source;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reaches a JVM of this machine and user by its process id, through the attach API: starts its local JMX connector
 * (which only this user's processes can use, and which opens no network port), and loads the agent when the JVM
 * has no Poolsight pools yet. An agent already there is used as it is, whatever options it was started with.
 */
public final class PidAttach {

    private PidAttach() {
    }

    static PoolSource open(long pid, PrintWriter messages) {
        String description = "JVM " + pid;
        VirtualMachine vm = attach(pid);
        try {
            JmxPoolSource source = JmxPoolSource.connected(connect(vm, description), description);
            if (source.read().pools().isEmpty()) {
                Path jar = AgentJar.find();
                loadAgent(vm, pid, jar, "");
                messages.println("poolsight: loaded the agent into JVM " + pid + " (" + jar + "); its pools appear "
                        + "as they are used");
            }
            return source;
        } finally {
            detach(vm);
        }
    }

    /** Loads the agent into JVM {@code pid} with {@code options} ({@code key=value,...}). */
    public static void loadAgent(long pid, Path jar, String options) {
        VirtualMachine vm = attach(pid);
        try {
            loadAgent(vm, pid, jar, options);
        } finally {
            detach(vm);
        }
    }

    private static VirtualMachine attach(long pid) {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new TargetException("cannot attach to JVM " + pid + ": " + TargetException.reason(e)
                    + " (is it a running JVM of this user?)");
        } catch (IOException e) {
            throw new TargetException("cannot attach to JVM " + pid + ": " + TargetException.reason(e), e);
        } catch (LinkageError noAttachApi) {
            throw new TargetException("attaching to JVM " + pid + " needs a JDK (the jdk.attach module), not a JRE");
        }
    }

    private static JMXConnector connect(VirtualMachine vm, String description) {
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } catch (IOException e) {
            throw new TargetException("cannot open the JMX connector of " + description + ": "
                    + TargetException.reason(e), e);
        }
    }

    private static void loadAgent(VirtualMachine vm, long pid, Path jar, String options) {
        try {
            vm.loadAgent(jar.toAbsolutePath().toString(), options);
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new TargetException("the agent did not load into JVM " + pid + ": " + TargetException.reason(e), e);
        } catch (IOException e) {
            throw new TargetException("lost JVM " + pid + " while loading the agent: " + TargetException.reason(e), e);
        }
    }

    private static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException alreadyGone) {
            // the JVM ended; nothing to detach from
        }
    }
}
