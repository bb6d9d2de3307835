package io.rlarena.bench;

import java.util.Arrays;

/** The median, minimum and maximum of repeated measurements. */
public record Stat(double median, double min, double max, int repeats) {

    public static Stat of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stat(median, sorted[0], sorted[n - 1], n);
    }
}
