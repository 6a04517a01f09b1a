package dev.poolsight.agent;

import com.sun.tools.attach.VirtualMachine;
import java.io.File;

/**
 * {@code java -jar poolsight-agent.jar attach <pid> [options]}: loads the agent into a running JVM of the same
 * user. Needs a JDK (the attach API), as jcmd does.
 */
public final class AttachMain {

    private AttachMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || !args[0].equals("attach") || !args[1].matches("[0-9]+")) {
            System.err.println("usage: java -jar poolsight-agent.jar attach <pid> [key=value,...]");
            System.err.println("  options: leakThreshold=30s, window=60s, jolokia=[host:]port, jolokiaUser=..., jolokiaPassword=..., quiet");
            System.exit(2);
        }
        String jar = new File(AttachMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        VirtualMachine vm = VirtualMachine.attach(args[1]);
        try {
            vm.loadAgent(jar, args.length == 3 ? args[2] : "");
        } finally {
            vm.detach();
        }
        System.out.println("poolsight agent loaded into JVM " + args[1]);
    }
}
