package io.rlarena.cli;

import io.rlarena.record.CurveChart;
import io.rlarena.record.LearningCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rlarena plot}: learning curves of run directories as a PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Draw learning curves (episode return against environment steps) of runs as a PNG.",
                "Runs of one configuration (config.json, seed aside) become one curve: the mean over seeds with a "
                        + "min..max band. See docs/plots.md."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories (with metrics.csv and config.json).")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "FILE.png",
            description = "The PNG to write (default: RUN/" + CurveChart.RUN_FILE + " for one run, "
                    + CurveChart.DEFAULT_FILE + " in the current directory for several).")
    Path out;

    @Option(names = "--smooth", paramLabel = "N", defaultValue = "" + LearningCurves.DEFAULT_WINDOW,
            description = "Moving average over each run's last N episodes (1: raw returns).")
    int smooth;

    @Option(names = "--x", paramLabel = "steps|episodes", defaultValue = "steps",
            description = "What the horizontal axis counts.")
    String x;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LearningCurves.Plot plot = LearningCurves.plot(runs, smooth, LearningCurves.XAxis.parse(x));
        Path file = out != null ? out
                : runs.size() == 1 ? runs.get(0).resolve(CurveChart.RUN_FILE) : Path.of(CurveChart.DEFAULT_FILE);
        CurveChart.write(plot, file);
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("wrote %s (%s)%n", file, plot.title());
        for (LearningCurves.Curve curve : plot.curves()) {
            int last = curve.x().length - 1;
            String band = curve.runs() == 1 ? ""
                    : String.format(Locale.ROOT, " (min %.3f, max %.3f)", curve.min()[last], curve.max()[last]);
            writer.printf(Locale.ROOT, "  %s: %.3f after %.0f %s%s%n", curve.label(), curve.mean()[last],
                    curve.x()[last], plot.xLabel(), band);
        }
        writer.flush();
        return 0;
    }
}
