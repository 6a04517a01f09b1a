package dev.poolsight.cli.attach;

import dev.poolsight.cli.source.AgentJar;
import dev.poolsight.cli.source.PidAttach;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolsight attach <pid> [options]}: loads the agent into a running JVM of this user. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Loads the Poolsight agent into a running JVM of this user (needs a JDK, as jcmd does).",
                "An agent already running there keeps the options it started with."})
public final class AttachCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "the process id of the JVM")
    private long pid;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OPTIONS",
            description = "the agent's options, key=value separated by commas, such as leakThreshold=30s,window=60s")
    private String options;

    @Option(names = "--jolokia", paramLabel = "[HOST:]PORT",
            description = "serve the MBeans read-only as JSON over HTTP (the agent option jolokia)")
    private String jolokia;

    @Option(names = "--prometheus", paramLabel = "[HOST:]PORT",
            description = "serve the metrics for Prometheus (the agent option prometheus)")
    private String prometheus;

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>();
        if (options != null && !options.isBlank()) {
            all.add(options);
        }
        if (jolokia != null) {
            all.add("jolokia=" + jolokia);
        }
        if (prometheus != null) {
            all.add("prometheus=" + prometheus);
        }
        Path jar = AgentJar.find();
        PidAttach.loadAgent(pid, jar, String.join(",", all));
        spec.commandLine().getOut().println("poolsight: agent loaded into JVM " + pid + " (" + jar + ")"
                + (all.isEmpty() ? "" : " with " + String.join(",", all).replaceAll("(?i)(password=)[^,]*", "$1***"))
                + "; the JVM's stderr says what it started");
        return 0;
    }
}
