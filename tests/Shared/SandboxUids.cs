namespace ClusterlessHpc.Testing;

/// <summary>
/// The node uids of executing emulators (<c>BatchEmulatorOptions.SandboxUidBase</c>): each emulator a block of its own,
/// within a test process and between test processes that run at once. Two nodes that share a uid can signal each other's
/// processes, so a stray <c>kill</c> of one emulator's node could reach another's; random bases in overlapping ranges
/// made that possible when test projects ran side by side.
/// </summary>
internal static class SandboxUids
{
    /// <summary>Uids per emulator: its nodes are numbered from 1 over its lifetime, every pool's nodes together.</summary>
    private const int BlockSize = 1000;

    /// <summary>Emulators per process; a process's range is <c>BlockSize * BlocksPerProcess</c> uids.</summary>
    private const int BlocksPerProcess = 50;

    /// <summary>Processes with ranges of their own: pids that differ by less than this never share one (uids stay below 2^31).</summary>
    private const int ProcessSlots = 40_000;

    private const int First = 100_000;

    private static int _blocks;

    /// <summary>A base no other emulator of this process, or of a test process running beside it, was given.</summary>
    public static int NextBase()
    {
        var block = Interlocked.Increment(ref _blocks);
        if (block > BlocksPerProcess)
        {
            throw new InvalidOperationException($"More than {BlocksPerProcess} executing emulators in one test process; raise {nameof(BlocksPerProcess)}.");
        }
        return First + (Environment.ProcessId % ProcessSlots) * (BlockSize * BlocksPerProcess) + (block - 1) * BlockSize;
    }
}
