using System.Collections.Generic;
using ClusterlessHpc.Diagnostics;

namespace ClusterlessHpc.Rules
{
    /// <summary>Rules for container pools: image references, registry credentials, and what the containers do not get from the host.</summary>
    internal static class ContainerRules
    {
        /// <summary>Why <paramref name="image"/> is not an image reference (<c>[registry/]name[:tag][@digest]</c>), or null.</summary>
        public static string? ImageNameProblem(string image)
        {
            if (image.Length == 0) return "it is empty";
            var bad = TextChecks.WhiteSpaceOrControl(image);
            if (bad is not null) return bad;
            var at = image.IndexOf('@');
            var name = at < 0 ? image : image.Substring(0, at);
            var slash = name.LastIndexOf('/');
            var colon = name.LastIndexOf(':');
            var repository = colon > slash ? name.Substring(0, colon) : name;
            var components = repository.Split('/');
            for (var i = 0; i < components.Length; i++)
            {
                var component = components[i];
                if (component.Length == 0) return "it has an empty path component";
                // The first component may be a registry host (with a port); the others are lower-case names.
                var isRegistry = i == 0 && components.Length > 1 && (component.IndexOf('.') >= 0 || component.IndexOf(':') >= 0 || component == "localhost");
                foreach (var c in component)
                {
                    var ok = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-' || isRegistry && (c is >= 'A' and <= 'Z' or ':');
                    if (!ok) return $"'{CharacterNames.Describe(c)}' is not allowed in '{component}'; repository names are lower case";
                }
            }
            return null;
        }

        internal static void Check(PoolDefinition d, List<PoolDiagnostic> found)
        {
            for (var i = 0; i < d.ContainerImages.Count; i++)
            {
                var problem = ImageNameProblem(d.ContainerImages[i]);
                if (problem is not null) found.Add(new(DiagnosticCatalogue.ContainerImageNameMustBeValid, DefinitionTarget.ContainerImage(i), d.ContainerImages[i], problem));
            }

            // Batch runs a container pool's tasks in the images; the startup script installs Julia on the host.
            if (d.ContainerImages.Count > 0 && d.Julia is { } julia)
            {
                found.Add(new(DiagnosticCatalogue.JuliaIsNotInstalledInContainers, DefinitionTarget.JuliaAttribute,
                    d.Id, string.Join(", ", d.ContainerImages), julia.Version));
            }

            for (var i = 0; i < d.ContainerRegistries.Count; i++)
            {
                var registry = d.ContainerRegistries[i];
                var target = DefinitionTarget.ContainerRegistry(i, DefinitionTarget.WholeAttribute);
                var hasUser = registry.UserName is not null;
                var hasPassword = registry.PasswordSetting is not null;
                var hasIdentity = registry.IdentityResourceId is not null;
                string? problem = null;
                if (hasIdentity && (hasUser || hasPassword)) problem = "has both a user name and an identity; give one of them";
                else if (hasUser && !hasPassword) problem = "has a UserName but no PasswordSetting (the configuration key that holds its password)";
                else if (hasPassword && !hasUser) problem = "has a PasswordSetting but no UserName";
                else if (!hasUser && !hasIdentity) problem = "has neither a UserName with a PasswordSetting nor an IdentityResourceId";
                if (problem is not null) found.Add(new(DiagnosticCatalogue.ContainerRegistryNeedsOneCredential, target, registry.Server, problem));
                if (d.ContainerImages.Count == 0) found.Add(new(DiagnosticCatalogue.ContainerRegistryWithoutContainers, target, registry.Server));
            }
        }
    }
}
