package dev.camelveeam.veeamem.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Order statistics of a sample: median, p10/p90/p99 (linear interpolation between closest ranks), min and max. */
record Stats(int n, double median, double p10, double p90, double min, double max, double mean, double p99) {

    static Stats of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    static Stats of(double[] values) {
        if (values.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(
                sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.1), quantile(sorted, 0.9),
                sorted[0], sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(Double.NaN),
                quantile(sorted, 0.99));
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /** {@code median [min–max]} with the given number of decimals. */
    String medianRange(int decimals) {
        return num(median, decimals) + " [" + num(min, decimals) + "–" + num(max, decimals) + "]";
    }

    /** {@code median (p10–p90, max)}. */
    String medianPercentiles(int decimals) {
        return num(median, decimals) + " (p10 " + num(p10, decimals) + ", p90 " + num(p90, decimals) + ", max "
               + num(max, decimals) + ")";
    }

    static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
