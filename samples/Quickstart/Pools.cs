using ClusterlessHpc;

namespace Quickstart;

/// <summary>The seed page's pool: Julia 1.5.2, IterativeSolvers from the registry, JOLI developed from its repository.</summary>
[BatchPool("redwood", VmSize = "Standard_E8s_v3", NodeCount = 2)]
[Julia("1.5.2")]
[JuliaPackage("IterativeSolvers")]
[JuliaPackage("JOLI", Url = "https://github.com/slimgroup/JOLI.jl", Develop = true)]
public partial class RedwoodPool;

/// <summary>A fixed-size pool with a current Julia and no extra packages.</summary>
[BatchPool("sequoia", VmSize = "Standard_D4s_v5", NodeCount = 3)]
[Julia("1.10.5")]
public partial class SequoiaPool;

/// <summary>The seed page's autoscale example: start with one node, follow the pending tasks up to ten.</summary>
[BatchPool("cypress", VmSize = "Standard_E4s_v3")]
[Julia("1.10.5")]
[JuliaPackage("IterativeSolvers")]
[AutoScale("""
    startingNumberOfVMs = 1;
    maxNumberofVMs = 10;
    pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(30 * TimeInterval_Second);
    pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(30 * TimeInterval_Second));
    $TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);
    $NodeDeallocationOption = taskcompletion;
    """, EvaluationIntervalMinutes = 5)]
public partial class CypressPool;

/// <summary>
/// The seed's autoscale example with its windows moved past the service's sample delay: Batch hands task samples to
/// formulas about a minute late, so the seed's 30-second look-back never holds one. This pool looks at the three minutes
/// that ended a minute ago, which the delay has filled.
/// </summary>
[BatchPool("cypress-lookback", VmSize = "Standard_E4s_v3")]
[Julia("1.10.5")]
[JuliaPackage("IterativeSolvers")]
[AutoScale("""
    startingNumberOfVMs = 1;
    maxNumberofVMs = 10;
    pendingTaskSamplePercent = $PendingTasks.GetSamplePercent(3 * TimeInterval_Minute, 1 * TimeInterval_Minute);
    pendingTaskSamples = pendingTaskSamplePercent < 70 ? startingNumberOfVMs : avg($PendingTasks.GetSample(3 * TimeInterval_Minute, 1 * TimeInterval_Minute));
    $TargetDedicatedNodes = min(maxNumberofVMs, pendingTaskSamples);
    $NodeDeallocationOption = taskcompletion;
    """, EvaluationIntervalMinutes = 5)]
public partial class CypressLookbackPool;
