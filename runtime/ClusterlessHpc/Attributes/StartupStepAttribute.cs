using System;

namespace ClusterlessHpc
{
    /// <summary>
    /// Bash placed verbatim in the node startup script, in declaration order: your own setup (apt packages, data
    /// downloads). It runs under <c>set -euo pipefail</c>, before the Julia packages unless <see cref="AfterPackages"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class StartupStepAttribute : Attribute
    {
        public StartupStepAttribute(string bash) => Bash = bash;

        public string Bash { get; }

        /// <summary>Run after the Julia packages are installed (for example to precompile your own code).</summary>
        public bool AfterPackages { get; set; }
    }
}
