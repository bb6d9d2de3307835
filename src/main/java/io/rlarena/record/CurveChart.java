package io.rlarena.record;

import io.rlarena.agent.SafeFiles;
import io.rlarena.record.LearningCurves.Curve;
import io.rlarena.record.LearningCurves.Plot;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Draws {@link LearningCurves} with XChart as a PNG: one line per configuration, its min..max band
 * over seeds shaded in the same colour, the legend below the plot. Runs without a display
 * ({@code java.awt.headless} is set unless the JVM was given a value).
 */
public final class CurveChart {

    /** The curve {@code train} leaves in its run directory, and {@code plot}'s default for one run. */
    public static final String RUN_FILE = "curve.png";
    /** {@code plot}'s default output for several runs, in the current directory. */
    public static final String DEFAULT_FILE = "plot.png";
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    /** Matplotlib's default colours, familiar from most RL papers' plots. */
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};
    private static final int BAND_ALPHA = 64;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private CurveChart() {
    }

    /**
     * Writes a finished run's learning curve to {@code RUN/curve.png}; a failure only prints a
     * warning on stderr, since the run itself is complete.
     */
    public static void drawRun(Path runDir) {
        try {
            write(LearningCurves.plot(List.of(runDir), LearningCurves.DEFAULT_WINDOW, LearningCurves.XAxis.STEPS),
                    runDir.resolve(RUN_FILE));
        } catch (RuntimeException | Error e) {
            System.err.println("warning: no learning curve for " + runDir + ": "
                    + (e.getMessage() != null ? e.getMessage() : e));
        }
    }

    /** Draws the plot and writes it to {@code file} (a .png) through a temporary file and a rename. */
    public static void write(Plot plot, Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("the output must be a .png file, got " + file);
        }
        XYChart chart = chart(plot);
        try {
            SafeFiles.writeAtomically(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static XYChart chart(Plot plot) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setXAxisMin(0.0);
        styler.setXAxisDecimalPattern("#,##0");
        styler.setPlotGridLinesColor(new Color(0xdddddd));
        for (int i = 0; i < plot.curves().size(); i++) { // bands first, so that no band covers a line
            Curve curve = plot.curves().get(i);
            if (curve.runs() > 1) {
                Color color = COLORS[i % COLORS.length];
                XYSeries band = chart.addSeries(curve.label() + " band",
                        DoubleStream.concat(DoubleStream.of(curve.x()), reversed(curve.x())).toArray(),
                        DoubleStream.concat(DoubleStream.of(curve.max()), reversed(curve.min())).toArray());
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
        }
        for (int i = 0; i < plot.curves().size(); i++) {
            Curve curve = plot.curves().get(i);
            Color color = COLORS[i % COLORS.length];
            XYSeries line = chart.addSeries(curve.label(), curve.x(), curve.mean());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color);
            line.setLineStyle(new BasicStroke(2f));
            line.setMarkerColor(color);
            line.setMarker(curve.x().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return chart;
    }

    private static DoubleStream reversed(double[] values) {
        return IntStream.range(0, values.length).mapToDouble(i -> values[values.length - 1 - i]);
    }
}
