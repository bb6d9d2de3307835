package io.rlarena.cli;

import io.rlarena.agent.Version;
import io.rlarena.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The {@code rlarena} command line. Exit codes: 0 success, 1 failure, 2 bad input (usage errors,
 * unknown ids or keys, invalid values, unreadable files).
 */
@Command(name = "rlarena", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Deep reinforcement learning on the JVM: train, evaluate and check agents and environments.",
        subcommands = {EnvsCommand.class, CheckEnvCommand.class, TrainCommand.class, EvalCommand.class, BenchCommand.class,
                PlayCommand.class, ArenaCommand.class, ReplayCommand.class,
                PlotCommand.class, SolveCommand.class, PositionsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        configureLogging(verbose);
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable e) { // Errors (native library, linkage) that picocli does not handle
            System.err.println("failed: " + (noBackend(e) ? NO_BACKEND : e));
            if (verbose) {
                e.printStackTrace();
            } else {
                System.err.println("(run with -v for the stack trace)");
            }
            code = 1;
        }
        System.exit(code);
    }

    private static final String NO_BACKEND = "ND4J could load no backend. The CUDA build (RLARENA_BACKEND=cuda, "
            + "./mvnw -Pcuda) needs an NVIDIA GPU with its driver (libcuda.so.1), CUDA 11.2 and cuDNN 8.1 (docs/gpu.md); "
            + "without them run the CPU build (unset RLARENA_BACKEND).";

    /** Whether {@code e} comes from ND4J finding no backend it can load (a CUDA build without a GPU driver). */
    private static boolean noBackend(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.nd4j.linalg.factory.Nd4jBackend.NoAvailableBackendException) {
                return true;
            }
        }
        return false;
    }

    /** DL4J/ND4J logging at info when verbose (warn otherwise, simplelogger.properties); before the first logger. */
    static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (e instanceof Trainer.TrainingDiverged) {
            err.println("stopped: " + e.getMessage());
            err.flush();
            return 1;
        }
        err.println("failed: " + (noBackend(e) ? NO_BACKEND : e));
        if (parsed.originalArgs().contains("-v") || parsed.originalArgs().contains("--verbose")) {
            e.printStackTrace(err);
        } else {
            err.println("(run with -v for the stack trace)");
        }
        err.flush();
        return 1;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rlarena " + Version.VERSION};
        }
    }
}
