namespace ClusterlessHpc
{
    /// <summary>
    /// User bash placed verbatim in the startup script (the seed's "ADD USER PACKAGES HERE"): it runs with the
    /// script's strict settings, before the Julia packages unless <see cref="AfterPackages"/>.
    /// </summary>
    public sealed record StartupStepDefinition(string Bash)
    {
        public bool AfterPackages { get; init; }
    }
}
