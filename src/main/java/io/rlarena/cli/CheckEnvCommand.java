package io.rlarena.cli;

import io.rlarena.env.EnvChecker;
import io.rlarena.env.EnvRegistration;
import io.rlarena.env.EnvRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rlarena check-env}: runs the {@link EnvChecker}; exit 1 when it finds problems. */
@Command(name = "check-env", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Check that an environment keeps the Environment contract (exit 1 if not).")
final class CheckEnvCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "ID|CLASS", description = "A registered id or a class name.")
    String env;

    @Option(names = "--all", description = "Check every registered environment (with default options).")
    boolean all;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the check's rollouts.")
    long seed;

    @Mixin
    EnvArgs envArgs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((env == null) == !all) {
            throw new IllegalArgumentException("name one environment (ID or class) or pass --all");
        }
        EnvRegistry registry = envArgs.registry();
        PrintWriter out = spec.commandLine().getOut();
        List<String> ids = new ArrayList<>();
        if (all) {
            for (EnvRegistration registration : registry.registrations()) {
                try {
                    registry.make(registration.id(), envArgs.envOptions).close();
                    ids.add(registration.id());
                } catch (IllegalArgumentException e) {
                    out.println("SKIP " + registration.id() + ": cannot be made with its default options ("
                            + e.getMessage() + "); check it with its options: check-env " + registration.id()
                            + " --env-opt ...");
                }
            }
        } else {
            ids.add(env);
            registry.make(env, envArgs.envOptions).close();
        }
        boolean ok = true;
        for (String id : ids) {
            EnvChecker.Report report = EnvChecker.check(() -> registry.make(id, envArgs.envOptions), seed);
            out.println((report.ok() ? "OK   " : "FAIL ") + id);
            report.passed().forEach(line -> out.println("  ok:      " + line));
            report.problems().forEach(line -> out.println("  PROBLEM: " + line));
            report.warnings().forEach(line -> out.println("  WARNING: " + line));
            ok &= report.ok();
        }
        out.flush();
        return ok ? 0 : 1;
    }
}
