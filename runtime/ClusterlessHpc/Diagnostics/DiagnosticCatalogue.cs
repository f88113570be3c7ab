using System.Collections.Generic;

namespace ClusterlessHpc.Diagnostics
{
    /// <summary>
    /// Every CHPC diagnostic. The analyzer reports them at the attribute argument that holds the mistake;
    /// the runtime validator raises the same ones for definitions built in code. Each has a page in docs/diagnostics.
    /// Ranges: 0001–0099 the pool class and the pool; 0100–0199 Julia; 1000–1999 autoscale formulas
    /// (declared in DiagnosticCatalogue.AutoScale.cs).
    /// </summary>
    public static partial class DiagnosticCatalogue
    {
        public const string HelpLinkBase = "https://github.com/ClusterlessHpc/ClusterlessHpc/blob/main/docs/diagnostics/";

        private const string Declaration = "ClusterlessHpc.Declaration";
        private const string Pool = "ClusterlessHpc.Pool";
        private const string Julia = "ClusterlessHpc.Julia";

        public static readonly PoolRule PoolClassMustBePartial = new(
            "CHPC0001", nameof(PoolClassMustBePartial), "Pool class must be partial",
            "'{0}' declares a Batch pool but is not partial, so nothing can be generated for it; add the 'partial' modifier{1}",
            RuleSeverity.Error, Declaration);

        public static readonly PoolRule PoolIdMustBeValid = new(
            "CHPC0002", nameof(PoolIdMustBeValid), "Pool id must be a valid Batch id",
            "Pool id '{0}' is invalid: {1}",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule PoolClassMustNotBeGeneric = new(
            "CHPC0003", nameof(PoolClassMustNotBeGeneric), "Pool class must not be generic",
            "'{0}' declares a Batch pool but is generic; a pool class has one definition, so declare it on a non-generic class",
            RuleSeverity.Error, Declaration);

        public static readonly PoolRule JuliaVersionMustBeValid = new(
            "CHPC0101", nameof(JuliaVersionMustBeValid), "Julia version must be a full release version",
            "Julia version '{0}' is not a release version: write MAJOR.MINOR.PATCH, for example '1.10.5' (a pre-release such as '1.11.0-rc2' is allowed)",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaPackageNameMustBeValid = new(
            "CHPC0102", nameof(JuliaPackageNameMustBeValid), "Julia package name must be valid",
            "Julia package name '{0}' is invalid: {1}",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule DevelopedPackageMustHaveUrl = new(
            "CHPC0103", nameof(DevelopedPackageMustHaveUrl), "A developed package needs a repository URL",
            "Julia package '{0}' has Develop = true but no Url; Pkg.develop needs the repository to clone, so set Url or remove Develop",
            RuleSeverity.Error, Julia);

        /// <summary>Every rule, in id order.</summary>
        public static IReadOnlyList<PoolRule> All { get; } = Concat(PoolRules(), AutoScaleRules());

        private static PoolRule[] PoolRules() => new[]
        {
            PoolClassMustBePartial,
            PoolIdMustBeValid,
            PoolClassMustNotBeGeneric,
            JuliaVersionMustBeValid,
            JuliaPackageNameMustBeValid,
            DevelopedPackageMustHaveUrl,
        };

        private static PoolRule[] Concat(PoolRule[] first, PoolRule[] second)
        {
            var all = new PoolRule[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            return all;
        }
    }
}
