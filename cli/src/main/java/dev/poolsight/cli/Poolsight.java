package dev.poolsight.cli;

import dev.poolsight.cli.advise.AdviseCommand;
import dev.poolsight.cli.attach.AttachCommand;
import dev.poolsight.cli.load.LoadCommand;
import dev.poolsight.cli.top.TopCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poolsight}: puts a Redis connection pool under realistic load, watches the pools of any JVM and says how
 * to size them. Errors are one line on stderr and an exit code: 2 for a bad command line, 1 for anything else.
 */
@Command(name = "poolsight", mixinStandardHelpOptions = true, versionProvider = PoolsightVersion.class,
        description = "See and size the Redis connection pools of Java services.",
        subcommands = {LoadCommand.class, TopCommand.class, AdviseCommand.class, AttachCommand.class})
public final class Poolsight implements Runnable {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with poolsight's error handling; tests run commands through it as {@link #main} does. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Poolsight());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Poolsight::usageError);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println("poolsight: " + Failures.describe(failure));
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    private static int usageError(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + problem.getMessage() + " (see " + name + " --help)");
        return EXIT_USAGE;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: load, top, advise or attach");
    }
}
