namespace ClusterlessHpc.Cli
{
    /// <summary>The exit codes of every chpc command (docs: the design's "Public surface").</summary>
    internal static class ExitCodes
    {
        public const int Done = 0;
        public const int InvalidInput = 1;
        public const int OperationFailed = 2;
        public const int Usage = 3;
    }
}
