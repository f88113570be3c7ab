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
