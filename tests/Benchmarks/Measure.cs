using System.Globalization;

namespace SocialeKaart.Benchmarks;

/// <summary>Process memory as the kernel counts it, and latency statistics.</summary>
internal static partial class Measure
{
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>
    /// CPU time of the calling thread in milliseconds. On a machine shared with other work a search's wall time includes
    /// the moments the thread waited for a core; its CPU time does not. (Work done by another process, such as a
    /// database server, is not in it.)
    /// </summary>
    public static double ThreadCpuMs() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var t) == 0 ? t.Seconds * 1000.0 + t.Nanoseconds / 1e6 : double.NaN;

    /// <summary>CPU time of the whole process (all threads) in seconds.</summary>
    public static double ProcessCpuSeconds()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

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
