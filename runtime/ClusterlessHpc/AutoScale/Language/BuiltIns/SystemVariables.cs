using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language.BuiltIns
{
    /// <summary>Every service-defined variable the documentation lists, with the historical aliases (docs/autoscale.md, "System variables").</summary>
    internal static class SystemVariables
    {
        public const string TargetDedicatedNodes = "$TargetDedicatedNodes";
        public const string TargetLowPriorityNodes = "$TargetLowPriorityNodes";
        public const string NodeDeallocationOption = "$NodeDeallocationOption";
        public const string TargetDedicated = "$TargetDedicated";
        public const string TargetLowPriority = "$TargetLowPriority";
        public const string CurrentDedicatedNodes = "$CurrentDedicatedNodes";
        public const string CurrentLowPriorityNodes = "$CurrentLowPriorityNodes";
        public const string CurrentDedicated = "$CurrentDedicated";
        public const string TaskSlotsPerNode = "$TaskSlotsPerNode";

        /// <summary>All of them, writable first, then the read-only ones in the documentation's order.</summary>
        public static IReadOnlyList<SystemVariable> All { get; } = new[]
        {
            new SystemVariable(TargetDedicatedNodes, SystemVariableKind.Target, TargetDedicatedNodes, "the target number of dedicated nodes"),
            new SystemVariable(TargetDedicated, SystemVariableKind.Target, TargetDedicatedNodes, "the original name of $TargetDedicatedNodes"),
            new SystemVariable(TargetLowPriorityNodes, SystemVariableKind.Target, TargetLowPriorityNodes, "the target number of Spot/low-priority nodes"),
            new SystemVariable(TargetLowPriority, SystemVariableKind.Target, TargetLowPriorityNodes, "the short name of $TargetLowPriorityNodes"),
            new SystemVariable(NodeDeallocationOption, SystemVariableKind.DeallocationOption, NodeDeallocationOption, "what happens to tasks on removed nodes"),
            Metric("$CPUPercent", "the average percentage of CPU usage"),
            Metric("$WallClockSeconds", "the number of seconds consumed"),
            Metric("$MemoryBytes", "the average number of megabytes used"),
            Metric("$DiskBytes", "the average number of gigabytes used on the local disks"),
            Metric("$DiskReadBytes", "the number of bytes read"),
            Metric("$DiskWriteBytes", "the number of bytes written"),
            Metric("$DiskReadOps", "the count of read disk operations"),
            Metric("$DiskWriteOps", "the count of write disk operations"),
            Metric("$NetworkInBytes", "the number of inbound bytes"),
            Metric("$NetworkOutBytes", "the number of outbound bytes"),
            Metric("$SampleNodeCount", "the count of compute nodes"),
            Metric("$ActiveTasks", "the number of tasks ready to run but not yet running"),
            Metric("$RunningTasks", "the number of tasks running"),
            Metric("$PendingTasks", "the sum of $ActiveTasks and $RunningTasks"),
            Metric("$SucceededTasks", "the number of tasks that finished successfully"),
            Metric("$FailedTasks", "the number of tasks that failed"),
            new SystemVariable(TaskSlotsPerNode, SystemVariableKind.PoolSetting, TaskSlotsPerNode, "the number of task slots of each node"),
            new SystemVariable(CurrentDedicatedNodes, SystemVariableKind.NodeCount, CurrentDedicatedNodes, "the current number of dedicated nodes"),
            new SystemVariable(CurrentDedicated, SystemVariableKind.NodeCount, CurrentDedicatedNodes, "the original name of $CurrentDedicatedNodes"),
            new SystemVariable(CurrentLowPriorityNodes, SystemVariableKind.NodeCount, CurrentLowPriorityNodes, "the current number of Spot/low-priority nodes, preempted ones included"),
            Metric("$PreemptedNodeCount", "the number of nodes in the preempted state"),
        };

        private static readonly Dictionary<string, SystemVariable> ByName = Index();

        /// <summary>The variable named exactly <paramref name="name"/> (names are case-sensitive), or null.</summary>
        public static SystemVariable? Find(string name) => ByName.TryGetValue(name, out var variable) ? variable : null;

        private static SystemVariable Metric(string name, string description) =>
            new(name, SystemVariableKind.Metric, name, description);

        private static Dictionary<string, SystemVariable> Index()
        {
            var index = new Dictionary<string, SystemVariable>(System.StringComparer.Ordinal);
            foreach (var variable in All) index.Add(variable.Name, variable);
            return index;
        }
    }
}
