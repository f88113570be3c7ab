using System.Collections.Generic;

namespace ClusterlessHpc.Diagnostics
{
    /// <summary>
    /// Every CHPC diagnostic. The analyzer reports them at the attribute argument that holds the mistake;
    /// the runtime validator raises the same ones for definitions built in code. Each has a page in docs/diagnostics.
    /// Ranges: 0001–0019 the pool class and the pool, 0020–0029 autoscale settings, 0030–0039 images, 0040–0049
    /// containers, 0050–0059 network, 0060–0069 mounts, 0070–0079 the Julia manifest; 0100–0199 Julia; 1000–1047 autoscale formulas
    /// (declared in DiagnosticCatalogue.AutoScale.cs); 1048–1059 simulation expectations (DiagnosticCatalogue.Simulation.cs).
    /// </summary>
    internal static partial class DiagnosticCatalogue
    {
        /// <summary>Where the pages live, in the repository and in the package.</summary>
        public const string DocsFolder = "docs/diagnostics/";

        private const string Declaration = "ClusterlessHpc.Declaration";
        private const string Pool = "ClusterlessHpc.Pool";
        private const string Julia = "ClusterlessHpc.Julia";
        private const string AutoScale = "ClusterlessHpc.AutoScale";
        private const string Image = "ClusterlessHpc.Image";
        private const string Container = "ClusterlessHpc.Container";
        private const string Network = "ClusterlessHpc.Network";
        private const string Mount = "ClusterlessHpc.Mount";

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

        public static readonly PoolRule PoolIdsMustBeUnique = new(
            "CHPC0004", nameof(PoolIdsMustBeUnique), "Pool ids must be unique in an assembly",
            "Pool id '{0}' is already used by '{1}'; Batch compares pool ids without regard to case, so both declarations would be the same pool",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule VmSizeMustBeValid = new(
            "CHPC0005", nameof(VmSizeMustBeValid), "VM size must be a valid Batch VM size",
            "VM size '{0}' is invalid: {1}",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule NodeCountMustNotBeNegative = new(
            "CHPC0006", nameof(NodeCountMustNotBeNegative), "Node counts must not be negative",
            "{0} is {1}; a node count must be 0 or more",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule PoolShouldHaveNodes = new(
            "CHPC0007", nameof(PoolShouldHaveNodes), "A fixed-size pool should have nodes",
            "Pool '{0}' has no dedicated and no low-priority nodes and no autoscale formula, so it will never run a task; set NodeCount or LowPriorityNodeCount, or add [AutoScale]",
            RuleSeverity.Warning, Pool);

        public static readonly PoolRule TaskSlotsPerNodeMustBeInRange = new(
            "CHPC0008", nameof(TaskSlotsPerNodeMustBeInRange), "Task slots per node must be 1 to 256",
            "TaskSlotsPerNode is {0}; Batch allows 1 to 256 (and at most 4 times the VM size's cores)",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule ResizeTimeoutMustBeAtLeastFiveMinutes = new(
            "CHPC0009", nameof(ResizeTimeoutMustBeAtLeastFiveMinutes), "Resize timeout must be at least 5 minutes",
            "ResizeTimeoutMinutes is {0}; Batch rejects a resize timeout under 5 minutes",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule StartTaskRetryCountMustBeInRange = new(
            "CHPC0010", nameof(StartTaskRetryCountMustBeInRange), "Start task retry count must be -1 to 100",
            "MaxRetryCount is {0}; use 0 to 100 retries, or -1 for no limit",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule EnvironmentVariableNameMustBeValid = new(
            "CHPC0011", nameof(EnvironmentVariableNameMustBeValid), "Environment variable name must be valid",
            "Environment variable name '{0}' is invalid: {1}",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule NamesMustBeUnique = new(
            "CHPC0012", nameof(NamesMustBeUnique), "Environment variables and metadata names must be unique",
            "{0} '{1}' is declared more than once",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule MetadataMustBeValid = new(
            "CHPC0013", nameof(MetadataMustBeValid), "Metadata name must not be empty",
            "Metadata name '{0}' is invalid: {1}",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule StepTimeoutMustBeInRange = new(
            "CHPC0014", nameof(StepTimeoutMustBeInRange), "Step timeout must be 1 to 1440 minutes",
            "StepTimeoutMinutes is {0}; each step of the startup script may take 1 to 1440 minutes (a day) before it is stopped",
            RuleSeverity.Error, Pool);

        public static readonly PoolRule AutoScaleNeedsFormula = new(
            "CHPC0020", nameof(AutoScaleNeedsFormula), "Autoscale needs a formula",
            "[AutoScale] has an empty formula; Batch requires a formula when autoscaling is enabled",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule NodeCountIgnoredWithAutoScale = new(
            "CHPC0021", nameof(NodeCountIgnoredWithAutoScale), "Node counts are ignored with autoscale",
            "{0} = {1} is ignored: with [AutoScale] the formula sets the pool's targets",
            RuleSeverity.Warning, AutoScale);

        public static readonly PoolRule EvaluationIntervalMustBeInRange = new(
            "CHPC0022", nameof(EvaluationIntervalMustBeInRange), "Evaluation interval must be 5 minutes to 168 hours",
            "EvaluationIntervalMinutes is {0}; Batch accepts 5 to 10080 minutes (168 hours)",
            RuleSeverity.Error, AutoScale);

        public static readonly PoolRule CustomImageWithJuliaNeedsDepotPath = new(
            "CHPC0030", nameof(CustomImageWithJuliaNeedsDepotPath), "A custom image with Julia needs its depot path",
            "Pool '{0}' uses a custom image with [Julia] but no JuliaDepotPath; set [CustomImage(..., JuliaDepotPath = \"...\")] to where Julia's depot lives on the image",
            RuleSeverity.Error, Image);

        public static readonly PoolRule NodeAgentSkuRequired = new(
            "CHPC0031", nameof(NodeAgentSkuRequired), "The node agent SKU cannot be determined",
            "{0} '{1}' is not in the image catalogue, so its node agent SKU is unknown; set NodeAgentSku",
            RuleSeverity.Error, Image);

        public static readonly PoolRule NodeAgentMustMatchImage = new(
            "CHPC0032", nameof(NodeAgentMustMatchImage), "Node agent SKU must match the image",
            "Node agent '{0}' does not run on image {1}; its node agent is '{2}'",
            RuleSeverity.Error, Image);

        public static readonly PoolRule NodeAgentRetired = new(
            "CHPC0033", nameof(NodeAgentRetired), "Node agent is retired",
            "Node agent '{0}' was retired by Batch on {1}; pools using it can no longer be created or grown. Use {2}",
            RuleSeverity.Warning, Image);

        public static readonly PoolRule NodeAgentRetirementAnnounced = new(
            "CHPC0044", nameof(NodeAgentRetirementAnnounced), "Node agent retirement is announced",
            "Batch has announced it retires node agent '{0}' on {1}; from then pools using it can no longer be created or grown. Move to {2}",
            RuleSeverity.Warning, Image);

        public static readonly PoolRule ImageArchitectureMustMatchVmSize = new(
            "CHPC0034", nameof(ImageArchitectureMustMatchVmSize), "Image architecture must match the VM size",
            "VM size '{0}' is {1} but image {2} is {3}",
            RuleSeverity.Error, Image);

        public static readonly PoolRule WindowsImagesAreNotSupported = new(
            "CHPC0035", nameof(WindowsImagesAreNotSupported), "Windows images are not supported",
            "Image {0} is a Windows image; ClusterlessHpc's startup scripts are bash, so choose a Linux image",
            RuleSeverity.Error, Image);

        public static readonly PoolRule ContainerPoolNeedsContainerImage = new(
            "CHPC0036", nameof(ContainerPoolNeedsContainerImage), "A container pool needs a container-capable image",
            "Image {0} cannot run containers (it lacks the DockerCompatible capability); choose a container-capable image such as microsoft-dsvm / ubuntu-hpc / 2404, or remove [Container]",
            RuleSeverity.Error, Image);

        public static readonly PoolRule CustomImageIdMustBeValid = new(
            "CHPC0037", nameof(CustomImageIdMustBeValid), "Custom image id must be a gallery image id",
            "Custom image id '{0}' is invalid: {1}",
            RuleSeverity.Error, Image);

        public static readonly PoolRule JuliaDepotPathMustBeAbsolute = new(
            "CHPC0038", nameof(JuliaDepotPathMustBeAbsolute), "Julia depot path must be an absolute path",
            "JuliaDepotPath '{0}' is invalid: {1}",
            RuleSeverity.Error, Image);

        public static readonly PoolRule JuliaDepotShouldBeReadableByTasks = new(
            "CHPC0039", nameof(JuliaDepotShouldBeReadableByTasks), "Julia depot should be readable by tasks",
            "JuliaDepotPath '{0}' is under /root, which only root can read: tasks run as the pool's non-admin user and cannot load the packages installed there; keep the image's depot in a folder every user can read, such as /opt/julia/depot",
            RuleSeverity.Warning, Image);

        public static readonly PoolRule ContainerImageNameMustBeValid = new(
            "CHPC0040", nameof(ContainerImageNameMustBeValid), "Container image name must be valid",
            "Container image '{0}' is invalid: {1}",
            RuleSeverity.Error, Container);

        public static readonly PoolRule ContainerRegistryNeedsOneCredential = new(
            "CHPC0041", nameof(ContainerRegistryNeedsOneCredential), "A container registry needs one kind of credential",
            "Registry '{0}' {1}",
            RuleSeverity.Error, Container);

        public static readonly PoolRule ContainerRegistryWithoutContainers = new(
            "CHPC0042", nameof(ContainerRegistryWithoutContainers), "A container registry without [Container] is unused",
            "Registry '{0}' is declared but the pool has no [Container] images, so it is never used",
            RuleSeverity.Warning, Container);

        public static readonly PoolRule JuliaIsNotInstalledInContainers = new(
            "CHPC0043", nameof(JuliaIsNotInstalledInContainers), "[Julia] installs Julia on the host, not in the containers",
            "Pool '{0}' runs its tasks in containers ({1}), but [Julia] installs Julia {2} on the host, which the containers do not see; install Julia in the container image, or remove [Julia] if the image has it",
            RuleSeverity.Warning, Container);

        public static readonly PoolRule SubnetIdMustBeValid = new(
            "CHPC0050", nameof(SubnetIdMustBeValid), "Subnet id must be a subnet's ARM id",
            "Subnet id '{0}' is invalid: expected /subscriptions/{{id}}/resourceGroups/{{group}}/providers/Microsoft.Network/virtualNetworks/{{vnet}}/subnets/{{subnet}}",
            RuleSeverity.Error, Network);

        public static readonly PoolRule PublicIPAddressIdsNeedUserManaged = new(
            "CHPC0051", nameof(PublicIPAddressIdsNeedUserManaged), "Public IP address ids go with user-managed addresses",
            "{0}",
            RuleSeverity.Error, Network);

        public static readonly PoolRule MountPathMustBeRelative = new(
            "CHPC0060", nameof(MountPathMustBeRelative), "Mount path must be a simple relative path",
            "Mount path '{0}' is invalid: {1}",
            RuleSeverity.Error, Mount);

        public static readonly PoolRule MountNeedsCredentials = new(
            "CHPC0061", nameof(MountNeedsCredentials), "A mount needs exactly one credential",
            "{0}",
            RuleSeverity.Error, Mount);

        public static readonly PoolRule NfsSourceMustBeValid = new(
            "CHPC0062", nameof(NfsSourceMustBeValid), "NFS source must be server:/path",
            "NFS source '{0}' is invalid: expected server:/path",
            RuleSeverity.Error, Mount);

        public static readonly PoolRule JuliaPackagesMustBeUnique = new(
            "CHPC0104", nameof(JuliaPackagesMustBeUnique), "Each Julia package is declared once",
            "Julia package '{0}' is declared more than once",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule PackageUrlMustBeHttpsOrGit = new(
            "CHPC0105", nameof(PackageUrlMustBeHttpsOrGit), "Package URL must be an https or git URL",
            "Package URL '{0}' is invalid: {1}",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule PackageVersionMustBeValid = new(
            "CHPC0106", nameof(PackageVersionMustBeValid), "Package version must be a Pkg version specifier",
            "Version '{0}' of package '{1}' is not a Pkg version specifier: {2}",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule PackageRevNeedsUrl = new(
            "CHPC0107", nameof(PackageRevNeedsUrl), "A package revision needs a repository URL",
            "Package '{0}' has Rev = '{1}' but no Url; Rev picks a branch, tag or commit of the repository",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaSha256MustBeValid = new(
            "CHPC0108", nameof(JuliaSha256MustBeValid), "Julia checksum must be a SHA-256",
            "Sha256 '{0}' is not a SHA-256: write 64 hexadecimal digits",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule PackageVersionNeedsRegisteredPackage = new(
            "CHPC0109", nameof(PackageVersionNeedsRegisteredPackage), "A version applies to registered packages",
            "Package '{0}' has both Version and Url; a version selects a registered release, so use Rev to pick a revision of the repository",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule DevelopedPackageCannotPinRev = new(
            "CHPC0110", nameof(DevelopedPackageCannotPinRev), "A developed package cannot pin a revision",
            "Package '{0}' has Develop = true and Rev = '{1}'; Pkg.develop tracks the repository's default branch and does not take a revision, so remove Rev or Develop",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaServerUrlMustBeValid = new(
            "CHPC0111", nameof(JuliaServerUrlMustBeValid), "Julia mirror and package server must be http(s) URLs",
            "{0} '{1}' is invalid: {2}",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaPackagesNeedJulia = new(
            "CHPC0112", nameof(JuliaPackagesNeedJulia), "Julia packages need Julia",
            "Pool '{0}' declares Julia packages but no [Julia]; add [Julia(\"1.10.5\")] (or the version your custom image has)",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule PackageRevMustBeValid = new(
            "CHPC0113", nameof(PackageRevMustBeValid), "Package revision must be a branch, tag or commit name",
            "Rev '{0}' of package '{1}' is invalid: {2}",
            RuleSeverity.Error, Julia);

        // 0070–0079: [JuliaManifest], the pinned Julia environment.
        public static readonly PoolRule JuliaManifestMustBeFound = new(
            "CHPC0070", nameof(JuliaManifestMustBeFound), "The Julia manifest must be one of the project's additional files",
            "The Julia manifest '{0}' is not among the project's additional files: the ClusterlessHpc package adds julia/*.toml; for another folder add <AdditionalFiles Include=\"{1}*.toml\" /> to the project (a definition built in code sets the manifest's text)",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaProjectMustBeFound = new(
            "CHPC0071", nameof(JuliaProjectMustBeFound), "The Project.toml beside the Julia manifest must be one of the project's additional files",
            "'{0}' is not among the project's additional files; the manifest '{1}' is instantiated with the Project.toml beside it: add it (for another folder than julia/ with <AdditionalFiles Include=\"{2}*.toml\" />)",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaManifestMustBeToml = new(
            "CHPC0072", nameof(JuliaManifestMustBeToml), "Julia manifest and project must be readable TOML",
            "'{0}' cannot be read at line {1}, column {2}: {3}",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaManifestVersionMustMatch = new(
            "CHPC0073", nameof(JuliaManifestVersionMustMatch), "The Julia manifest must be resolved with the declared Julia",
            "The manifest '{0}' was resolved with Julia {1}, but the pool declares Julia {2}; a manifest is instantiated as resolved only by the Julia that resolved it: regenerate it with Julia {3}, or declare the Julia it was made with",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaManifestMustHavePackage = new(
            "CHPC0074", nameof(JuliaManifestMustHavePackage), "Every declared Julia package must be in the manifest",
            "Julia package '{0}' is declared but not in the manifest '{1}', so no node would install it: add it to the environment and regenerate the manifest (Pkg.add, then copy Manifest.toml and Project.toml), or remove the [JuliaPackage]",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaManifestShouldRecordJuliaVersion = new(
            "CHPC0075", nameof(JuliaManifestShouldRecordJuliaVersion), "A format 1 Julia manifest records no Julia version",
            "The manifest '{0}' has format 1 (Julia 1.0 to 1.6), which records no julia_version, so it cannot be checked against Julia {1}; it is used as it is: make sure it was resolved with that Julia, or regenerate it with Julia 1.7 or later",
            RuleSeverity.Warning, Julia);

        public static readonly PoolRule JuliaManifestNeedsJulia = new(
            "CHPC0076", nameof(JuliaManifestNeedsJulia), "A Julia manifest needs Julia",
            "The pool pins its packages with the manifest '{0}' but declares no [Julia]: add [Julia(\"...\")] with the version the manifest was resolved with",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaManifestFormatMustBeKnown = new(
            "CHPC0077", nameof(JuliaManifestFormatMustBeKnown), "The Julia manifest must have a known format",
            "'{0}' is not a Julia manifest of format 1 or 2 (manifest_format {1}): point [JuliaManifest] at the Manifest.toml Pkg wrote",
            RuleSeverity.Error, Julia);

        public static readonly PoolRule JuliaProjectMustDependOnPackage = new(
            "CHPC0078", nameof(JuliaProjectMustDependOnPackage), "Every declared Julia package must be a direct dependency of the project",
            "Julia package '{0}' is in the manifest but not in the [deps] of '{1}', so the nodes' load check cannot import it: add it to the project (Pkg.add) and regenerate '{2}'",
            RuleSeverity.Error, Julia);

        /// <summary>Every rule, in id order.</summary>
        // Built on first use, not by a static initializer: the rules are fields of several partial files, whose
        // initializers run in the order the files are compiled.
        public static IReadOnlyList<PoolRule> All => _all ??= Concat(PoolRules(), Concat(AutoScaleRules(), SimulationRules()));
        private static IReadOnlyList<PoolRule>? _all;

        private static PoolRule[] PoolRules() => new[]
        {
            PoolClassMustBePartial,
            PoolIdMustBeValid,
            PoolClassMustNotBeGeneric,
            JuliaVersionMustBeValid,
            JuliaPackageNameMustBeValid,
            DevelopedPackageMustHaveUrl,
            PoolIdsMustBeUnique,
            VmSizeMustBeValid,
            NodeCountMustNotBeNegative,
            PoolShouldHaveNodes,
            TaskSlotsPerNodeMustBeInRange,
            ResizeTimeoutMustBeAtLeastFiveMinutes,
            StartTaskRetryCountMustBeInRange,
            EnvironmentVariableNameMustBeValid,
            NamesMustBeUnique,
            MetadataMustBeValid,
            StepTimeoutMustBeInRange,
            AutoScaleNeedsFormula,
            NodeCountIgnoredWithAutoScale,
            EvaluationIntervalMustBeInRange,
            CustomImageWithJuliaNeedsDepotPath,
            NodeAgentSkuRequired,
            NodeAgentMustMatchImage,
            NodeAgentRetired,
            NodeAgentRetirementAnnounced,
            ImageArchitectureMustMatchVmSize,
            WindowsImagesAreNotSupported,
            ContainerPoolNeedsContainerImage,
            CustomImageIdMustBeValid,
            JuliaDepotPathMustBeAbsolute,
            JuliaDepotShouldBeReadableByTasks,
            ContainerImageNameMustBeValid,
            ContainerRegistryNeedsOneCredential,
            ContainerRegistryWithoutContainers,
            JuliaIsNotInstalledInContainers,
            SubnetIdMustBeValid,
            PublicIPAddressIdsNeedUserManaged,
            MountPathMustBeRelative,
            MountNeedsCredentials,
            NfsSourceMustBeValid,
            JuliaPackagesMustBeUnique,
            PackageUrlMustBeHttpsOrGit,
            PackageVersionMustBeValid,
            PackageRevNeedsUrl,
            JuliaSha256MustBeValid,
            PackageVersionNeedsRegisteredPackage,
            DevelopedPackageCannotPinRev,
            JuliaServerUrlMustBeValid,
            JuliaPackagesNeedJulia,
            PackageRevMustBeValid,
            JuliaManifestMustBeFound,
            JuliaProjectMustBeFound,
            JuliaManifestMustBeToml,
            JuliaManifestVersionMustMatch,
            JuliaManifestMustHavePackage,
            JuliaManifestShouldRecordJuliaVersion,
            JuliaManifestNeedsJulia,
            JuliaManifestFormatMustBeKnown,
            JuliaProjectMustDependOnPackage,
        };

        private static PoolRule[] Concat(PoolRule[] first, PoolRule[] second)
        {
            var all = new PoolRule[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            System.Array.Sort(all, (a, b) => string.CompareOrdinal(a.Id, b.Id));
            return all;
        }
    }
}
