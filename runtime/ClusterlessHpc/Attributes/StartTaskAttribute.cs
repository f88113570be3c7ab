using System;

namespace ClusterlessHpc
{
    /// <summary>How the startup script runs as the pool's start task.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class StartTaskAttribute : Attribute
    {
        /// <summary>Retries of a failing start task: 0 (the default) to 100, or -1 for no limit.</summary>
        public int MaxRetryCount { get; set; }

        /// <summary>Whether tasks wait for the start task to succeed (default true; a failure makes the node unusable).</summary>
        public bool WaitForSuccess { get; set; } = true;

        /// <summary>
        /// How long one step of the startup script (a download, a Julia process, a <c>[StartupStep]</c>) may take before
        /// it is stopped and the start task fails naming it: 1 to 1440 minutes, 60 when not set.
        /// </summary>
        public int StepTimeoutMinutes { get; set; }
    }
}
