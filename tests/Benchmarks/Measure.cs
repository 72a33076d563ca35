using System.Globalization;

namespace SocialeKaart.Benchmarks;

/// <summary>Process memory as the kernel counts it, and latency statistics.</summary>
internal static class Measure
{
    /// <summary>Peak resident set (VmHWM) and current resident set (VmRSS) in bytes, from /proc/self/status.</summary>
    public static (long Peak, long Current) Memory()
    {
        long peak = 0, current = 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kb(line);
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    current = Kb(line);
                }
            }
        }
        catch (IOException)
        {
        }

        if (peak == 0)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            peak = process.PeakWorkingSet64;
            current = process.WorkingSet64;
        }

        return (peak, current);

        static long Kb(string line) =>
            long.Parse(line.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static LatencyStats Stats(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return new LatencyStats(sorted.Count, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99),
            sorted.Count == 0 ? double.NaN : sorted[^1], sorted.Count == 0 ? double.NaN : sorted.Average());
    }
}

internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max, double Mean);
