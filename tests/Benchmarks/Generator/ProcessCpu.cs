using System.Runtime.InteropServices;

namespace ClusterlessHpc.Benchmarks.Generator;

/// <summary>
/// The CPU time the whole process has used, to the microsecond: on a machine shared with other work, CPU time suffers
/// far less than wall time from waiting for a core (<see cref="System.Diagnostics.Process.TotalProcessorTime"/> is only
/// as fine as the scheduler's tick on Linux, so this asks <c>getrusage</c>).
/// </summary>
internal static class ProcessCpu
{
    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && getrusage(0, out var usage) == 0)
        {
            return TimeSpan.FromTicks((usage.UserSeconds + usage.SystemSeconds) * TimeSpan.TicksPerSecond +
                                      (usage.UserMicroseconds + usage.SystemMicroseconds) * 10);
        }
        return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);
}
